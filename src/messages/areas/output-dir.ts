/**
 * Why the build refuses an output folder (`--out`): the build replaces the
 * whole folder, so it must never be one that holds anything else.
 */
import { message } from "../define.ts";

const EXPECTED_VI = "một thư mục riêng cho trang web được tạo ra, như _site (mặc định) hoặc một thư mục mới";
const EXPECTED_EN = "a folder of its own for the generated site, such as _site (the default) or a new folder";

export const OUTPUT_DIR_MESSAGES = {
  "outputDir.failed": message({
    sample: { path: "_site" },
    vi: { message: (p) => `Không tạo trang web vào ${p.path}: không có gì bị xóa hay thay đổi.` },
    en: { message: (p) => `Not building into ${p.path}: nothing was deleted or changed.` },
  }),
  "outputDir.filesystemRoot": message({
    sample: { path: "/" },
    vi: { message: (p) => `${p.path} là thư mục gốc của cả máy`, expected: EXPECTED_VI, fix: "chọn thư mục khác bằng --out, ví dụ --out _site" },
    en: { message: (p) => `${p.path} is the root of the whole file system`, expected: EXPECTED_EN, fix: "choose another folder with --out, e.g. --out _site" },
  }),
  "outputDir.isProtected": message({
    sample: { path: ".", protected: "/work/site" },
    vi: {
      message: (p) => `thư mục ra ${p.path} chính là ${p.protected}: tạo trang web vào đó sẽ xóa toàn bộ nội dung của nó`,
      expected: EXPECTED_VI,
      fix: "chọn thư mục khác bằng --out, ví dụ --out _site",
    },
    en: {
      message: (p) => `the output folder ${p.path} is ${p.protected}: building there would delete everything in it`,
      expected: EXPECTED_EN,
      fix: "choose another folder with --out, e.g. --out _site",
    },
  }),
  "outputDir.containsProtected": message({
    sample: { path: "..", protected: "/work/site" },
    vi: {
      message: (p) => `thư mục ra ${p.path} chứa ${p.protected}: tạo trang web vào đó sẽ xóa ${p.protected}`,
      expected: EXPECTED_VI,
      fix: "chọn thư mục khác bằng --out, ví dụ --out _site",
    },
    en: {
      message: (p) => `the output folder ${p.path} contains ${p.protected}: building there would delete ${p.protected}`,
      expected: EXPECTED_EN,
      fix: "choose another folder with --out, e.g. --out _site",
    },
  }),
  "outputDir.insideProtected": message({
    sample: { path: "content/site", protected: "/work/site/content" },
    vi: {
      message: (p) => `thư mục ra ${p.path} nằm trong ${p.protected}, nơi chỉ dành cho bài viết hoặc dữ liệu của git`,
      expected: EXPECTED_VI,
      fix: "chọn thư mục nằm ngoài thư mục đó, ví dụ --out _site",
    },
    en: {
      message: (p) => `the output folder ${p.path} is inside ${p.protected}, which holds articles or git's data`,
      expected: EXPECTED_EN,
      fix: "choose a folder outside it, e.g. --out _site",
    },
  }),
  "outputDir.isLink": message({
    sample: { path: "_site" },
    vi: {
      message: (p) => `thư mục ra ${p.path} là một liên kết (symlink)`,
      expected: EXPECTED_VI,
      fix: (p) => `ghi đường dẫn thật của thư mục bằng --out, hoặc xóa liên kết ${p.path}`,
    },
    en: {
      message: (p) => `the output folder ${p.path} is a link (symlink)`,
      expected: EXPECTED_EN,
      fix: (p) => `give the folder's real path with --out, or remove the link ${p.path}`,
    },
  }),
  "outputDir.notFolder": message({
    sample: { path: "_site" },
    vi: { message: (p) => `${p.path} đã có và là một tệp, không phải thư mục`, expected: EXPECTED_VI, fix: "chọn thư mục khác bằng --out" },
    en: { message: (p) => `${p.path} exists and is a file, not a folder`, expected: EXPECTED_EN, fix: "choose another folder with --out" },
  }),
  "outputDir.notOurs": message({
    sample: { path: "docs", marker: ".tong-ket-build" },
    vi: {
      message: (p) => `thư mục ${p.path} đã có sẵn và không do lệnh build tạo ra (không có tệp đánh dấu ${p.marker}), nên lệnh build không xóa nó`,
      expected: EXPECTED_VI,
      fix: (p) => `chọn thư mục mới bằng --out; hoặc nếu chắc chắn không cần gì trong ${p.path}, tự xóa thư mục đó rồi chạy lại`,
    },
    en: {
      message: (p) => `the folder ${p.path} already exists and was not made by the build (it has no ${p.marker} marker file), so the build will not delete it`,
      expected: EXPECTED_EN,
      fix: (p) => `choose a new folder with --out; or, if you are sure nothing in ${p.path} is needed, delete it yourself and build again`,
    },
  }),
  "outputDir.stagingNotOurs": message({
    sample: { path: "_site.tmp-123", marker: ".tong-ket-build" },
    vi: {
      message: (p) => `thư mục tạm ${p.path} đã có sẵn và không do lệnh build tạo ra (không có tệp đánh dấu ${p.marker})`,
      expected: "không có gì ở chỗ thư mục tạm của lệnh build",
      fix: (p) => `xóa hoặc đổi tên ${p.path}, rồi chạy lại`,
    },
    en: {
      message: (p) => `the staging folder ${p.path} already exists and was not made by the build (it has no ${p.marker} marker file)`,
      expected: "nothing where the build puts its staging folder",
      fix: (p) => `remove or rename ${p.path}, then build again`,
    },
  }),
  "outputDir.markerText": message({
    sample: {},
    vi: { message: "Thư mục này do lệnh npm run build tạo ra. Mỗi lần build, toàn bộ thư mục được thay mới: đừng lưu tệp nào khác ở đây." },
    en: { message: "This folder was made by npm run build. Every build replaces the whole folder: do not keep other files here." },
  }),
} as const;
