/**
 * An object widget for an optional group of fields (the article's image):
 * Decap's own object widget checks the required fields inside it even when
 * the group is optional, which would make every article need an image. This
 * one checks them only once something in the group is filled in, so "no
 * image" saves, and "an image without a description" does not — the same
 * rule as the build's (image is optional, image.alt is required).
 */
import type { CmsWidgetParam } from "decap-cms-core";
import ObjectWidget from "decap-cms-widget-object";
import { OPTIONAL_OBJECT_WIDGET } from "../fields.ts";

/** An Immutable.js value as Decap hands it to widgets (only what is read here). */
interface ImmutableLike {
  toJS(): unknown;
}

/** Decap's Widget wrapper around each inner field (see decap-cms-core's Widget.js). */
interface InnerField {
  readonly props: { readonly onValidate?: (errors: readonly unknown[]) => void };
}

interface ObjectControlInstance {
  readonly props: { readonly value?: ImmutableLike | null };
  readonly childRefs: Readonly<Record<string, InnerField | undefined>>;
  validate: () => void;
}

type ObjectControlClass = new (props: never) => ObjectControlInstance;

/** Whether a value holds anything an editor typed: a non-empty string, number, boolean or list. */
export function hasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === "object") return Object.values(value).some(hasContent);
  return true;
}

const ObjectControl = ObjectWidget.controlComponent as unknown as ObjectControlClass;

class OptionalObjectControl extends ObjectControl {
  constructor(props: never) {
    super(props);
    const validateInner = this.validate;
    this.validate = (): void => {
      if (hasContent(this.props.value?.toJS())) {
        validateInner();
        return;
      }
      // Empty group: clear what earlier checks reported on the inner fields
      // (the editor may have filled them in, then emptied them again).
      for (const child of Object.values(this.childRefs)) child?.props.onValidate?.([]);
    };
  }
}

/** The widget, registered under OPTIONAL_OBJECT_WIDGET (same preview and config schema as "object"). */
export function optionalObjectWidget(): CmsWidgetParam {
  return ObjectWidget.Widget({ name: OPTIONAL_OBJECT_WIDGET, controlComponent: OptionalObjectControl as never });
}
