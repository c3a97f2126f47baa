/**
 * The Decap widgets the generated form uses, and nothing else: each one
 * registered is code shipped to every editor, and the config check
 * (test/cms-config.test.ts) validates against exactly this list.
 */
import type { CmsWidgetParam } from "decap-cms-core";
import BooleanWidget from "decap-cms-widget-boolean";
import DatetimeWidget from "decap-cms-widget-datetime";
import ImageWidget from "decap-cms-widget-image";
import ListWidget from "decap-cms-widget-list";
import MarkdownWidget from "decap-cms-widget-markdown";
import NumberWidget from "decap-cms-widget-number";
import ObjectWidget from "decap-cms-widget-object";
import SelectWidget from "decap-cms-widget-select";
import StringWidget from "decap-cms-widget-string";
import TextWidget from "decap-cms-widget-text";
import { optionalObjectWidget } from "./optional-object.ts";

export function adminWidgets(): CmsWidgetParam[] {
  return [
    StringWidget.Widget(),
    TextWidget.Widget(),
    NumberWidget.Widget(),
    BooleanWidget.Widget(),
    SelectWidget.Widget(),
    DatetimeWidget.Widget(),
    ImageWidget.Widget(),
    ListWidget.Widget(),
    ObjectWidget.Widget(),
    optionalObjectWidget(),
    MarkdownWidget.Widget(),
  ];
}
