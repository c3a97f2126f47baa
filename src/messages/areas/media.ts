/**
 * Messages about article images (the front-matter `image` and pictures in
 * the body): what an editor sees when a picture cannot be published.
 */
import { message } from "../define.ts";

const FORMATS_VI = "ảnh JPEG, PNG, WebP, AVIF hoặc GIF";
const FORMATS_EN = "a JPEG, PNG, WebP, AVIF or GIF image";

export const MEDIA_MESSAGES = {
  "media.missing": message({
    sample: { file: "content/gia-lai/anh.jpg" },
    vi: { message: "ghi tên một tệp ảnh không có", expected: (p) => `tệp ảnh ${p.file}`, fix: "đặt tệp ảnh cùng thư mục với bài viết, hoặc sửa lại tên tệp (phân biệt chữ hoa, chữ thường)" },
    en: { message: "names an image file that does not exist", expected: (p) => `an image file at ${p.file}`, fix: "put the image next to the article, or correct the file name (it is case-sensitive)" },
  }),
  "media.notAnImage": message({
    sample: { found: "SVG or HTML text" },
    vi: { message: (p) => `không phải ${FORMATS_VI} (nội dung tệp là ${p.found}, dù tên tệp nói khác)`, expected: FORMATS_VI, fix: "mở ảnh bằng trình xem ảnh rồi lưu lại dưới dạng JPEG (.jpg); không dùng SVG hay tệp đổi đuôi" },
    en: { message: (p) => `is not ${FORMATS_EN} (the file contains ${p.found}, whatever its name says)`, expected: FORMATS_EN, fix: "open the picture in an image viewer and save it as JPEG (.jpg); SVG and renamed files are not accepted" },
  }),
  "media.tooManyPixels": message({
    sample: { width: 20000, height: 20000, max: "40" },
    vi: { message: (p) => `ảnh có kích thước quá lớn (${p.width} × ${p.height} điểm ảnh)`, expected: (p) => `ảnh không quá ${p.max} triệu điểm ảnh và mỗi cạnh không quá 16000 điểm ảnh`, fix: "thu nhỏ ảnh (ví dụ cạnh dài 3000 điểm ảnh) rồi lưu lại" },
    en: { message: (p) => `the picture is too big (${p.width} × ${p.height} pixels)`, expected: (p) => `at most ${p.max} million pixels and 16000 pixels per side`, fix: "resize the picture (e.g. 3000 pixels on the long side) and save it again" },
  }),
  "media.unreadable": message({
    sample: { reason: "VipsJpeg: Premature end of input file" },
    vi: { message: (p) => `tệp ảnh bị hỏng hoặc không đầy đủ, không đọc được (${p.reason})`, expected: "một tệp ảnh đọc được trọn vẹn", fix: "chép lại ảnh từ máy ảnh hoặc điện thoại (có thể tệp chưa tải xong), mở thử rồi lưu lại dưới dạng JPEG" },
    en: { message: (p) => `the image file is damaged or incomplete and cannot be read (${p.reason})`, expected: "an image file that opens completely", fix: "copy the photo again from the camera or phone (the upload may have been cut short), open it and save it as JPEG" },
  }),
  "media.cacheUnwritable": message({
    sample: { code: "ENOSPC", folder: ".cache/images-v1" },
    vi: { message: (p) => `không ghi được các cỡ ảnh vào thư mục ${p.folder} (${p.code}): lỗi của máy dựng trang, không phải của ảnh`, expected: "một thư mục .cache ghi được, trên ổ đĩa còn chỗ trống", fix: "giải phóng dung lượng ổ đĩa (hoặc báo người quản trị máy dựng trang), rồi dựng lại; ảnh của bài không cần sửa" },
    en: { message: (p) => `the image sizes could not be written into ${p.folder} (${p.code}): a problem of the build machine, not of the picture`, expected: "a writable .cache folder on a disk with free space", fix: "free disk space (or tell whoever runs the build machine), then build again; the article's picture needs no change" },
  }),
  "media.bodyAltMissing": message({
    sample: { src: "toan-canh.jpg" },
    vi: { message: "ảnh trong bài chưa có lời mô tả", expected: "lời mô tả ảnh cho người không xem được ảnh, trong ngoặc vuông", fix: (p) => `viết như: ![Toàn cảnh hội nghị](${p.src})` },
    en: { message: "a picture in the text has no description (alt text)", expected: "a description for readers who cannot see the picture, in the square brackets", fix: (p) => `write it like: ![Toàn cảnh hội nghị](${p.src})` },
  }),
  "media.bodySrcInvalid": message({
    sample: { src: "../anh/toan-canh.jpg" },
    vi: { message: "ảnh trong bài phải là tệp ảnh nằm cùng thư mục với bài viết hoặc một địa chỉ https://", expected: "tên tệp (chữ, số, - _ .; đuôi .jpg .png .webp .avif .gif) hoặc địa chỉ https://", fix: (p) => `đặt ảnh cùng thư mục với bài và chỉ ghi tên tệp, ví dụ ![Toàn cảnh hội nghị](toan-canh.jpg) thay cho ${p.src}` },
    en: { message: "a picture in the text must be an image file next to the article or an https:// address", expected: "a file name (letters, digits, - _ .; .jpg .png .webp .avif .gif) or an https:// address", fix: (p) => `put the image next to the article and write only its name, e.g. ![Toàn cảnh hội nghị](toan-canh.jpg) instead of ${p.src}` },
  }),
  "media.tooManyBodyImages": message({
    sample: { count: 80, max: 40 },
    vi: { message: (p) => `bài có quá nhiều ảnh (${p.count})`, expected: (p) => `không quá ${p.max} ảnh trong một bài`, fix: "giữ lại những ảnh chính, hoặc chia thành nhiều bài" },
    en: { message: (p) => `the article has too many pictures (${p.count})`, expected: (p) => `at most ${p.max} pictures per article`, fix: "keep the main pictures, or split the article" },
  }),
  "media.kind.empty": message({ sample: {}, vi: { message: "rỗng (tệp không có dữ liệu)" }, en: { message: "nothing (the file is empty)" } }),
  "media.kind.svg": message({ sample: {}, vi: { message: "một bản vẽ SVG" }, en: { message: "an SVG drawing" } }),
  "media.kind.html": message({ sample: {}, vi: { message: "văn bản HTML hoặc XML" }, en: { message: "HTML or XML text" } }),
  "media.kind.pdf": message({ sample: {}, vi: { message: "một tài liệu PDF" }, en: { message: "a PDF document" } }),
  "media.kind.heic": message({ sample: {}, vi: { message: "ảnh HEIC của iPhone hoặc một video" }, en: { message: "an iPhone HEIC photo or a video" } }),
  "media.kind.bmp": message({ sample: {}, vi: { message: "ảnh BMP" }, en: { message: "a BMP bitmap" } }),
  "media.kind.tiff": message({ sample: {}, vi: { message: "ảnh TIFF" }, en: { message: "a TIFF image" } }),
  "media.kind.zip": message({ sample: {}, vi: { message: "tệp nén ZIP hoặc tài liệu Office" }, en: { message: "a ZIP archive or an Office document" } }),
  "media.kind.unknown": message({ sample: {}, vi: { message: "dữ liệu không rõ loại" }, en: { message: "data of an unknown kind" } }),
  "media.timings.reference": message({
    sample: {},
    vi: { message: "đo thêm cách vẽ thẻ cũ (satori + resvg) trên cùng các thẻ, để so sánh" },
    en: { message: "also time the former card renderer (satori + resvg) on the same cards, to compare" },
  }),
} as const;
