/** People pages (src/people/): person ids on officials and the people list of the published-URL record. */
import { message } from "../define.ts";

export const PEOPLE_MESSAGES = {
  "people.idFormat": message({
    sample: {},
    vi: { message: "không phải mã người hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối giữa các từ" },
    en: { message: "is not a valid person id: lowercase letters without accents, digits and single hyphens between words only" },
  }),
  "people.idTooLong": message({
    sample: { max: 80 },
    vi: { message: (p) => `quá dài (tối đa ${p.max} ký tự)` },
    en: { message: (p) => `is too long (at most ${p.max} characters)` },
  }),
  "people.ambiguousName": message({
    sample: { name: "Nguyễn Văn Hùng", province: "Hà Nội", ids: "nguyen-van-hung-so-tttt, nguyen-van-hung-ubnd", first: "nguyen-van-hung-so-tttt" },
    vi: {
      message: (p) => `có thể là một trong những người trùng tên "${p.name}" ở ${p.province} mà các bài khác đã phân biệt bằng mã người (${p.ids})`,
      expected: "một mã người (id) cho biết đây là người nào",
      fix: (p) => `thêm dòng id vào đại biểu này, ví dụ id: ${p.first} (chọn mã đúng người trong số ${p.ids})`,
    },
    en: {
      message: (p) => `could be any of the people named "${p.name}" in ${p.province} that other articles tell apart with person ids (${p.ids})`,
      expected: "a person id saying which of them this is",
      fix: (p) => `add an id line to this official, e.g. id: ${p.first} (the right one of ${p.ids})`,
    },
  }),
  "people.recordInvalid": message({
    sample: {},
    vi: {
      message: "danh sách trang nhân vật (people) bị hỏng",
      expected: "các mục dạng { urls, id, keys, name, withdrawn }, địa chỉ bắt đầu bằng /nhan-vat/",
      fix: "khôi phục tệp từ git (git checkout -- published-urls.json); chỉ sửa tay trường \"withdrawn\"",
    },
    en: {
      message: "the list of person pages (people) is damaged",
      expected: "entries of { urls, id, keys, name, withdrawn }, addresses starting with /nhan-vat/",
      fix: "restore the file from git (git checkout -- published-urls.json); edit only the \"withdrawn\" field by hand",
    },
  }),
  "people.recordDuplicateUrl": message({
    sample: { url: "/nhan-vat/nguyen-dung-gia-lai/" },
    vi: { message: (p) => `ghi địa chỉ ${p.url} cho hai người`, fix: "khôi phục tệp từ git (git checkout -- published-urls.json)" },
    en: { message: (p) => `lists the address ${p.url} for two people`, fix: "restore the file from git (git checkout -- published-urls.json)" },
  }),
  "people.lost": message({
    sample: { url: "/nhan-vat/nguyen-dung-gia-lai/", name: "Nguyễn Dũng", province: "Gia Lai", slug: "nguyen-dung-gia-lai" },
    vi: {
      message: (p) => `trang nhân vật ${p.url} (${p.name}, ${p.province}) đã đăng nhưng không còn bài nào nêu tên người này`,
      expected: "mọi địa chỉ đã đăng vẫn dẫn đến đúng người",
      fix: (p) => `nếu tên người này nay được viết khác, thêm id: ${p.slug} vào đại biểu đó trong các bài; nếu cố ý bỏ, thêm "withdrawn": "<lý do cho người đọc>" vào mục này trong published-urls.json`,
    },
    en: {
      message: (p) => `the person page ${p.url} (${p.name}, ${p.province}) was published, but no article names this person any more`,
      expected: "every published address to keep leading to its person",
      fix: (p) => `if the name is now written differently, add id: ${p.slug} to that official in the articles; if removed on purpose, add "withdrawn": "<reason for readers>" to this entry in published-urls.json`,
    },
  }),
  "people.lostNear": message({
    sample: { url: "/nhan-vat/nguyen-dun-gia-lai/", name: "Nguyễn Dủn", province: "Gia Lai", slug: "nguyen-dun-gia-lai", candidates: "Nguyễn Dũng (content/gia-lai/2016-11-29-hoi-nghi.md)" },
    vi: {
      message: (p) => `trang nhân vật ${p.url} (${p.name}, ${p.province}) đã đăng nhưng không còn bài nào nêu tên người này`,
      expected: "mọi địa chỉ đã đăng vẫn dẫn đến đúng người",
      fix: (p) => `nếu nay là ${p.candidates}, thêm id: ${p.slug} vào đại biểu đó; nếu cố ý bỏ, thêm "withdrawn": "<lý do cho người đọc>" vào mục này trong published-urls.json`,
    },
    en: {
      message: (p) => `the person page ${p.url} (${p.name}, ${p.province}) was published, but no article names this person any more`,
      expected: "every published address to keep leading to its person",
      fix: (p) => `if this is now ${p.candidates}, add id: ${p.slug} to that official; if removed on purpose, add "withdrawn": "<reason for readers>" to this entry in published-urls.json`,
    },
  }),
} as const;
