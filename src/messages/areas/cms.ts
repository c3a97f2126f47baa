/**
 * The web editor (/admin/, Decap CMS): the form's hints where the field help
 * written for YAML does not fit a form, validation messages, the province
 * list, commit messages, the admin page and its preview pane, the editor
 * settings (SITE_ADMIN, CMS_*) and `npm run admin`.
 *
 * Strings that end up in config.yml are always taken in Vietnamese (the
 * editor's interface is Vietnamese); the English side documents them.
 */
import { message } from "../define.ts";

export const CMS_MESSAGES = {
  // Settings read from the environment at build time.
  "cms.env.adminFlag": message({
    sample: {},
    vi: { message: "không phải giá trị bật/tắt hợp lệ", expected: "on hoặc off", fix: "đặt SITE_ADMIN=off để không tạo trang biên tập /admin/, hoặc bỏ biến này để có trang biên tập" },
    en: { message: "is not an on/off value", expected: "on or off", fix: "set SITE_ADMIN=off to build without the /admin/ editor, or unset it to have the editor" },
  }),
  "cms.env.backend": message({
    sample: {},
    vi: { message: "không phải nơi lưu nội dung mà trang biên tập hỗ trợ", expected: "github hoặc gitlab", fix: "đặt CMS_BACKEND=github hoặc CMS_BACKEND=gitlab, hoặc bỏ biến này để chỉ biên tập trên máy (npm run admin)" },
    en: { message: "is not a git host the editor supports", expected: "github or gitlab", fix: "set CMS_BACKEND=github or CMS_BACKEND=gitlab, or unset it to edit on this computer only (npm run admin)" },
  }),
  "cms.env.repo": message({
    sample: { backend: "github" },
    vi: { message: (p) => `cần tên kho nội dung trên ${p.backend}`, expected: "chủ-sở-hữu/tên-kho, ví dụ so-tttt-gia-lai/tong-ket", fix: "đặt CMS_REPO là đường dẫn của kho sau tên máy chủ (https://github.com/so-tttt-gia-lai/tong-ket → so-tttt-gia-lai/tong-ket)" },
    en: { message: (p) => `must name the content repository on ${p.backend}`, expected: "owner/name, e.g. so-tttt-gia-lai/tong-ket", fix: "set CMS_REPO to the repository's path after the host (https://github.com/so-tttt-gia-lai/tong-ket → so-tttt-gia-lai/tong-ket)" },
  }),
  "cms.env.branch": message({
    sample: {},
    vi: { message: "không phải tên nhánh git hợp lệ", expected: "tên nhánh như main", fix: "đặt CMS_BRANCH là nhánh mà trang web được xây dựng từ đó, thường là main" },
    en: { message: "is not a valid git branch name", expected: "a branch name such as main", fix: "set CMS_BRANCH to the branch the site is built from, usually main" },
  }),
  "cms.env.url": message({
    sample: {},
    vi: { message: "không phải địa chỉ https hợp lệ", expected: "địa chỉ bắt đầu bằng https://, không có dấu cách, ? hay #", fix: "sao chép địa chỉ đầy đủ của máy chủ, ví dụ https://gitlab.example.gov.vn" },
    en: { message: "is not a valid https address", expected: "an address starting with https://, without spaces, ? or #", fix: "copy the server's full address, e.g. https://gitlab.example.gov.vn" },
  }),
  "cms.env.endpoint": message({
    sample: {},
    vi: { message: "không phải đường dẫn hợp lệ", expected: "đường dẫn như auth hoặc oauth/authorize", fix: "bỏ biến CMS_AUTH_ENDPOINT nếu máy chủ đăng nhập dùng đường dẫn mặc định" },
    en: { message: "is not a valid path", expected: "a path such as auth or oauth/authorize", fix: "unset CMS_AUTH_ENDPOINT if the sign-in server uses the default path" },
  }),
  "cms.env.appId": message({
    sample: {},
    vi: { message: "cần mã ứng dụng OAuth của GitLab", expected: "Application ID của ứng dụng đã tạo trong GitLab (Cài đặt → Ứng dụng)", fix: "tạo ứng dụng OAuth trong GitLab theo docs/cms.md rồi đặt CMS_APP_ID bằng Application ID" },
    en: { message: "must be the GitLab OAuth application id", expected: "the Application ID of the application created in GitLab (Settings → Applications)", fix: "create the OAuth application in GitLab as docs/cms.md explains, then set CMS_APP_ID to its Application ID" },
  }),
  "cms.env.needsBackend": message({
    sample: { name: "CMS_REPO" },
    vi: { message: (p) => `${p.name} chỉ có tác dụng khi có CMS_BACKEND`, expected: "CMS_BACKEND=github hoặc CMS_BACKEND=gitlab", fix: (p) => `đặt cả CMS_BACKEND, hoặc bỏ ${p.name}` },
    en: { message: (p) => `${p.name} only applies together with CMS_BACKEND`, expected: "CMS_BACKEND=github or CMS_BACKEND=gitlab", fix: (p) => `set CMS_BACKEND as well, or unset ${p.name}` },
  }),
  "cms.env.local": message({
    sample: {},
    vi: { message: "không phải địa chỉ máy chủ biên tập trên máy này", expected: "http://127.0.0.1:<cổng>/api/v1", fix: "dùng npm run admin, lệnh này tự đặt biến này" },
    en: { message: "is not a local editor server address", expected: "http://127.0.0.1:<port>/api/v1", fix: "use npm run admin, which sets it" },
  }),

  // The form (config.yml).
  "cms.collection.label": message({ sample: {}, vi: { message: "Bài viết" }, en: { message: "Articles" } }),
  "cms.collection.singular": message({ sample: {}, vi: { message: "bài viết" }, en: { message: "article" } }),
  "cms.collection.description": message({
    sample: {},
    vi: { message: "Tin hội nghị tổng kết và triển khai nhiệm vụ năm. Mỗi bài được lưu thành một tệp trong thư mục của tỉnh, thành phố; ảnh được lưu cạnh bài." },
    en: { message: "Review conference releases. Each article is saved as one file in its province's folder; images are saved next to it." },
  }),
  "cms.group.province": message({ sample: {}, vi: { message: "Tỉnh, thành phố" }, en: { message: "Province" } }),
  "cms.filter.drafts": message({ sample: {}, vi: { message: "Bản nháp" }, en: { message: "Drafts" } }),
  "cms.body.label": message({ sample: {}, vi: { message: "Nội dung" }, en: { message: "Text" } }),
  "cms.body.hint": message({
    sample: {},
    vi: { message: "Nội dung bài. Tiêu đề bài đã có ở trên: các đề mục trong bài dùng Tiêu đề 2 trở xuống. Đoạn đầu tiên được dùng làm tóm tắt nếu ô Tóm tắt để trống." },
    en: { message: "The article's text. The title is above: headings inside the text start at Heading 2. The first paragraph is the summary when Summary is empty." },
  }),
  "cms.hint.date": message({
    sample: {},
    vi: { message: "Ngày và giờ diễn ra hội nghị, theo giờ Việt Nam. Ngày trong tên tệp và năm trong địa chỉ bài lấy từ đây." },
    en: { message: "Date and time of the conference, in Vietnam time. The file name's date and the year in the article's address come from it." },
  }),
  "cms.hint.province": message({
    sample: { mergerDate: "01/07/2025", hueDate: "01/01/2025", example: "Bình Định, nay thuộc Gia Lai (đến 30/06/2025)" },
    vi: {
      message: (p) =>
        `Chọn tỉnh, thành phố vào thời điểm diễn ra sự kiện (gõ để tìm). Từ ${p.mergerDate} cả nước còn 34 tỉnh, thành phố (Nghị quyết 202/2025/QH15): bài trước ngày đó chọn tỉnh cũ, ví dụ ${p.example}; bài từ ngày đó chọn tỉnh, thành phố mới. Thừa Thiên Huế là thành phố Huế từ ${p.hueDate}. Bài về tỉnh cũ được xếp cả vào trang của tỉnh mới.`,
    },
    en: {
      message: (p) =>
        `Choose the province as it was when the event took place (type to search). Since ${p.mergerDate} there are 34 provinces (Resolution 202/2025/QH15): an article before that date takes the former province, e.g. ${p.example}; from that date, the new one. Thừa Thiên Huế is the city of Huế since ${p.hueDate}. Articles about a former province are also listed under the new one.`,
    },
  }),
  "cms.hint.officials": message({
    sample: {},
    vi: { message: "Lãnh đạo, đại biểu dự hội nghị. Bấm Thêm cho mỗi người; chỉ họ tên là bắt buộc." },
    en: { message: "Leaders and officials at the conference. Press Add for each person; only the name is required." },
  }),
  "cms.hint.awards": message({
    sample: {},
    vi: { message: "Danh hiệu, hình thức khen thưởng được trao. Bấm Thêm cho mỗi khen thưởng; chỉ danh hiệu là bắt buộc." },
    en: { message: "Titles and awards conferred. Press Add for each award; only the title is required." },
  }),
  "cms.hint.image": message({
    sample: {},
    vi: { message: "Ảnh đại diện của bài (không bắt buộc). Nếu có ảnh thì phải có mô tả ảnh cho người không xem được ảnh." },
    en: { message: "The article's picture (optional). A picture needs a description for readers who cannot see it." },
  }),
  "cms.hint.imageSize": message({
    sample: { megabytes: 20 },
    vi: { message: (p) => `Ảnh tải lên được lưu cạnh bài viết; tối đa ${p.megabytes} MB, dạng JPG, PNG, WebP, AVIF hoặc GIF.` },
    en: { message: (p) => `Uploaded pictures are saved next to the article; at most ${p.megabytes} MB, as JPG, PNG, WebP, AVIF or GIF.` },
  }),
  "cms.hint.draft": message({
    sample: {},
    vi: { message: "Bật để lưu bài mà chưa đăng lên trang (bản xem trước vẫn hiện bài)." },
    en: { message: "On: the article is saved but not published (the preview still shows it)." },
  }),
  "cms.pattern.date": message({
    sample: {},
    vi: { message: "cần ngày dạng năm-tháng-ngày, có thể kèm giờ, ví dụ 2016-11-29T14:00" },
    en: { message: "needs a year-month-day date, optionally with a time, e.g. 2016-11-29T14:00" },
  }),
  "cms.pattern.imageSrc": message({
    sample: {},
    vi: { message: "cần ảnh tải lên (tên tệp .jpg, .png, .webp, .avif, .gif chỉ gồm chữ không dấu, số, - _ .) hoặc địa chỉ bắt đầu bằng https://" },
    en: { message: "needs an uploaded picture (a .jpg, .png, .webp, .avif or .gif file name of plain letters, digits, - _ .) or an address starting with https://" },
  }),
  "cms.pattern.alias": message({
    sample: {},
    vi: { message: "cần địa chỉ cũ bắt đầu bằng /, chỉ gồm chữ không dấu, số và - _ . ~ /, ví dụ /tin-tuc/hoi-nghi-2016/" },
    en: { message: "needs an old address starting with /, of plain letters, digits and - _ . ~ / only, e.g. /tin-tuc/hoi-nghi-2016/" },
  }),
  "cms.province.formerOption": message({
    sample: { label: "Bình Định, nay thuộc Gia Lai", until: "30/06/2025" },
    vi: { message: (p) => `${p.label} (đến ${p.until})` },
    en: { message: (p) => `${p.label} (until ${p.until})` },
  }),
  // Decap fills {{slug}} and {{path}} in commit messages.
  "cms.commit.create": message({ sample: {}, vi: { message: "Thêm bài “{{slug}}” (trang biên tập)" }, en: { message: "Add article “{{slug}}” (editor)" } }),
  "cms.commit.update": message({ sample: {}, vi: { message: "Sửa bài “{{slug}}” (trang biên tập)" }, en: { message: "Edit article “{{slug}}” (editor)" } }),
  "cms.commit.delete": message({ sample: {}, vi: { message: "Xóa bài “{{slug}}” (trang biên tập)" }, en: { message: "Delete article “{{slug}}” (editor)" } }),
  "cms.commit.uploadMedia": message({ sample: {}, vi: { message: "Tải ảnh “{{path}}” (trang biên tập)" }, en: { message: "Upload picture “{{path}}” (editor)" } }),
  "cms.commit.deleteMedia": message({ sample: {}, vi: { message: "Xóa ảnh “{{path}}” (trang biên tập)" }, en: { message: "Delete picture “{{path}}” (editor)" } }),

  // The admin page and its preview pane.
  "cms.page.title": message({ sample: {}, vi: { message: "Trang biên tập" }, en: { message: "Editor" } }),
  "cms.page.noscript": message({
    sample: {},
    vi: { message: "Trang biên tập cần JavaScript. Hãy bật JavaScript trong trình duyệt rồi tải lại trang." },
    en: { message: "The editor needs JavaScript. Turn JavaScript on in the browser and reload the page." },
  }),
  "cms.page.notConnected": message({
    sample: {},
    vi: {
      message: "Trang biên tập chưa được kết nối với kho nội dung.",
      fix: "Người quản trị trang cần đặt CMS_BACKEND và CMS_REPO khi xây dựng trang (xem docs/cms.md). Trên máy có bản sao kho nội dung, chạy npm run admin để biên tập ngay.",
    },
    en: {
      message: "The editor is not connected to a content repository.",
      fix: "The site's administrator sets CMS_BACKEND and CMS_REPO when building the site (see docs/cms.md). On a computer with a checkout, run npm run admin to edit right away.",
    },
  }),
  "cms.preview.needs": message({
    sample: { fields: "Tiêu đề, Tỉnh, thành phố" },
    vi: { message: (p) => `Bản xem trước sẽ hiện ở đây khi đã điền: ${p.fields}.` },
    en: { message: (p) => `The preview appears here once these are filled in: ${p.fields}.` },
  }),
  "cms.preview.invalid": message({
    sample: { count: 2 },
    vi: { message: (p) => `Bài này chưa đăng được: trang web sẽ báo ${p.count} lỗi dưới đây khi xây dựng. Hãy sửa trước khi lưu.` },
    en: { message: (p) => `This article cannot be published yet: the build would report the ${p.count} error(s) below. Fix them before saving.` },
  }),

  // Decap's Vietnamese interface lacks these phrases (decap-cms-locales 3.8.2); the admin
  // adds them to it (src/cms/browser/locale.ts). Keys after "cms.decap." are Decap's; %{…} is Decap's placeholder syntax.
  "cms.decap.collection.collectionTop.viewAsList": message({ sample: {}, vi: { message: "Xem dạng danh sách" }, en: { message: "View as list" } }),
  "cms.decap.collection.collectionTop.viewAsGrid": message({ sample: {}, vi: { message: "Xem dạng lưới" }, en: { message: "View as grid" } }),
  "cms.decap.collection.collectionTop.groupBy": message({ sample: {}, vi: { message: "Nhóm theo" }, en: { message: "Group by" } }),
  "cms.decap.collection.groups.other": message({ sample: {}, vi: { message: "Khác" }, en: { message: "Other" } }),
  "cms.decap.collection.groups.negateLabel": message({ sample: {}, vi: { message: "Không phải %{label}" }, en: { message: "Not %{label}" } }),
  "cms.decap.editor.editorControl.field.widgetLabel": message({ sample: {}, vi: { message: "Ô %{widgetLabel}" }, en: { message: "%{widgetLabel} field" } }),
  "cms.decap.editor.editorInterface.togglePreview": message({ sample: {}, vi: { message: "Bật/tắt xem trước" }, en: { message: "Toggle preview" } }),
  "cms.decap.editor.editorInterface.toggleScrollSync": message({ sample: {}, vi: { message: "Cuộn cùng lúc" }, en: { message: "Sync scrolling" } }),
  "cms.decap.editor.editorWidgets.markdown.bold": message({ sample: {}, vi: { message: "Đậm" }, en: { message: "Bold" } }),
  "cms.decap.editor.editorWidgets.markdown.italic": message({ sample: {}, vi: { message: "Nghiêng" }, en: { message: "Italic" } }),
  "cms.decap.editor.editorWidgets.markdown.strikethrough": message({ sample: {}, vi: { message: "Gạch ngang" }, en: { message: "Strikethrough" } }),
  "cms.decap.editor.editorWidgets.markdown.code": message({ sample: {}, vi: { message: "Mã" }, en: { message: "Code" } }),
  "cms.decap.editor.editorWidgets.markdown.link": message({ sample: {}, vi: { message: "Liên kết" }, en: { message: "Link" } }),
  "cms.decap.editor.editorWidgets.markdown.linkPrompt": message({ sample: {}, vi: { message: "Nhập địa chỉ của liên kết" }, en: { message: "Enter the URL of the link" } }),
  "cms.decap.editor.editorWidgets.markdown.headings": message({ sample: {}, vi: { message: "Đề mục" }, en: { message: "Headings" } }),
  "cms.decap.editor.editorWidgets.markdown.quote": message({ sample: {}, vi: { message: "Trích dẫn" }, en: { message: "Quote" } }),
  "cms.decap.editor.editorWidgets.markdown.bulletedList": message({ sample: {}, vi: { message: "Danh sách gạch đầu dòng" }, en: { message: "Bulleted list" } }),
  "cms.decap.editor.editorWidgets.markdown.numberedList": message({ sample: {}, vi: { message: "Danh sách đánh số" }, en: { message: "Numbered list" } }),
  "cms.decap.editor.editorWidgets.markdown.addComponent": message({ sample: {}, vi: { message: "Thêm thành phần" }, en: { message: "Add component" } }),
  "cms.decap.editor.editorWidgets.markdown.toggleMode.rich": message({ sample: {}, vi: { message: "Chuyển sang soạn thảo thường" }, en: { message: "Toggle to rich text mode" } }),
  "cms.decap.editor.editorWidgets.markdown.toggleMode.markdown": message({ sample: {}, vi: { message: "Chuyển sang soạn thảo Markdown" }, en: { message: "Toggle to markdown mode" } }),
  "cms.decap.editor.editorWidgets.image.chooseMultiple": message({ sample: {}, vi: { message: "Chọn ảnh" }, en: { message: "Choose images" } }),
  "cms.decap.editor.editorWidgets.image.chooseUrl": message({ sample: {}, vi: { message: "Dùng ảnh từ địa chỉ web" }, en: { message: "Insert from URL" } }),
  "cms.decap.editor.editorWidgets.image.replaceUrl": message({ sample: {}, vi: { message: "Thay bằng ảnh từ địa chỉ web" }, en: { message: "Replace with URL" } }),
  "cms.decap.editor.editorWidgets.image.promptUrl": message({ sample: {}, vi: { message: "Nhập địa chỉ của ảnh (bắt đầu bằng https://)" }, en: { message: "Enter the URL of the image" } }),
  "cms.decap.editor.editorWidgets.image.addMore": message({ sample: {}, vi: { message: "Thêm ảnh" }, en: { message: "Add more images" } }),
  "cms.decap.editor.editorWidgets.image.removeAll": message({ sample: {}, vi: { message: "Bỏ tất cả ảnh" }, en: { message: "Remove all images" } }),
  "cms.decap.editor.editorWidgets.datetime.setToNow": message({ sample: {}, vi: { message: "Đặt %{fieldLabel} là bây giờ" }, en: { message: "Set %{fieldLabel} to now" } }),
  "cms.decap.editor.editorWidgets.list.add": message({ sample: {}, vi: { message: "Thêm %{item}" }, en: { message: "Add %{item}" } }),
  "cms.decap.editor.editorWidgets.list.addType": message({ sample: {}, vi: { message: "Thêm %{item}" }, en: { message: "Add %{item}" } }),
  "cms.decap.editor.editorWidgets.object.expand": message({ sample: {}, vi: { message: "Mở rộng" }, en: { message: "Expand" } }),
  "cms.decap.editor.editorWidgets.object.collapse": message({ sample: {}, vi: { message: "Thu gọn" }, en: { message: "Collapse" } }),
  "cms.decap.mediaLibrary.mediaLibraryCard.copy": message({ sample: {}, vi: { message: "Sao chép" }, en: { message: "Copy" } }),
  "cms.decap.mediaLibrary.mediaLibraryCard.copyUrl": message({ sample: {}, vi: { message: "Sao chép địa chỉ" }, en: { message: "Copy URL" } }),
  "cms.decap.mediaLibrary.mediaLibraryCard.copyPath": message({ sample: {}, vi: { message: "Sao chép đường dẫn" }, en: { message: "Copy path" } }),
  "cms.decap.mediaLibrary.mediaLibraryCard.copyName": message({ sample: {}, vi: { message: "Sao chép tên" }, en: { message: "Copy name" } }),
  "cms.decap.mediaLibrary.mediaLibraryCard.copied": message({ sample: {}, vi: { message: "Đã sao chép" }, en: { message: "Copied" } }),
  "cms.decap.mediaLibrary.mediaLibraryModal.close": message({ sample: {}, vi: { message: "Đóng" }, en: { message: "Close" } }),
  "cms.decap.ui.settingsDropdown.account": message({ sample: {}, vi: { message: "Tài khoản" }, en: { message: "Account" } }),

  // npm run admin
  "cms.local.ready": message({
    sample: { url: "http://127.0.0.1:8080/admin/", preview: "http://127.0.0.1:8080/" },
    vi: { message: (p) => `Trang biên tập: ${p.url}\nXem trước trang web: ${p.preview}\nBài lưu từ trang biên tập được ghi thẳng vào thư mục content/ của máy này; nhớ commit và push như thường lệ. Nhấn Ctrl+C để dừng.` },
    en: { message: (p) => `Editor: ${p.url}\nSite preview: ${p.preview}\nArticles saved in the editor are written straight into this computer's content/ folder; commit and push them as usual. Press Ctrl+C to stop.` },
  }),
  "cms.local.serverFailed": message({
    sample: { detail: "EADDRINUSE" },
    vi: { message: (p) => `Không khởi động được máy chủ biên tập (decap-server): ${p.detail}`, fix: "đóng chương trình đang dùng cổng đó, hoặc chọn cổng khác: npm run admin -- --cms-port 8082" },
    en: { message: (p) => `The local editor server (decap-server) did not start: ${p.detail}`, fix: "close the program using that port, or choose another: npm run admin -- --cms-port 8082" },
  }),
  "cms.local.pathOutside": message({
    sample: { path: ".git/hooks/pre-commit" },
    vi: { message: (p) => `Trang biên tập chỉ được đọc và ghi trong thư mục content/, không được dùng "${p.path}".` },
    en: { message: (p) => `The editor may only read and write inside the content/ folder, not "${p.path}".` },
  }),
  "cms.local.pathLink": message({
    sample: { path: "content/gia-lai/anh.jpg" },
    vi: { message: (p) => `"${p.path}" đi qua một liên kết (symlink); trang biên tập không đọc hay ghi qua liên kết.` },
    en: { message: (p) => `"${p.path}" goes through a link (symlink); the editor does not read or write through links.` },
  }),
  "cms.local.foreignHost": message({
    sample: {},
    vi: { message: "Máy chủ biên tập chỉ nhận yêu cầu từ trang biên tập của npm run admin trên máy này." },
    en: { message: "The editor server only answers the editor page of npm run admin on this computer." },
  }),
  "cms.local.disabled": message({
    sample: {},
    vi: { message: "SITE_ADMIN=off: trang biên tập đang bị tắt.", fix: "bỏ biến SITE_ADMIN (hoặc đặt SITE_ADMIN=on) rồi chạy lại npm run admin" },
    en: { message: "SITE_ADMIN=off: the editor is turned off.", fix: "unset SITE_ADMIN (or set SITE_ADMIN=on) and run npm run admin again" },
  }),
} as const;
