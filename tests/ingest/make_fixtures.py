"""Builds tests/ingest/data/ from the sample corpus: run `python tests/ingest/make_fixtures.py`.

The fixtures are what ingestion meets in the wild: a full news page (navigation, share buttons,
reader comments, footer) around a seed article, the same kind of article saved as windows-1256 and
as UTF-16 text, an RSS feed, a WARC.gz crawl, and broken inputs. The article texts come from
marsad/data/sample/docs.jsonl (see its README for their origin); the page chrome is made up.
"""

# ruff: noqa: E501  (the page templates below are HTML, kept as pages are written)
from __future__ import annotations

import io
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
SEEDS = {row["id"]: row for row in map(json.loads, (ROOT / "marsad/data/sample/docs.jsonl").open())}
HAL = SEEDS["004_83e4d0b447c2e189"]  # Al-Hal Net, 2022-01-31
BAWABA = SEEDS["001_1510c6594921c962"]  # Al-Bawaba News, dateline 21/يناير/2022
ANON = SEEDS["002_3927b7b3ff9bdebb"]
ITTIHAD = SEEDS["003_1325d8aa5cf6f91d"]

# windows-1256 has no Arabic-Indic digits: pages in that code page write 0-9.
INDIC_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
BAWABA_CP1256_TEXT = BAWABA["text"].translate(INDIC_TO_ASCII)

HAL_TITLE = "قسد تنفي هروب 200 عنصر من داعش خلال أحداث سجن الصناعة"


def body_paragraphs(text: str, drop_after: str | None = None) -> list[str]:
    """The article's paragraphs, without the scraped furniture at its end."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    if drop_after:
        paras = paras[:next(i for i, p in enumerate(paras) if p.startswith(drop_after))]
    return paras


def news_page() -> str:
    paras = "\n".join(f"      <p>{p}</p>" for p in body_paragraphs(HAL["text"], "قد يهمك"))
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>{HAL_TITLE} - الحل نت</title>
  <meta property="og:title" content="{HAL_TITLE}">
  <meta property="og:site_name" content="الحل نت">
  <meta property="article:published_time" content="2022-01-31T14:05:00+03:00">
  <link rel="canonical" href="https://7al.net/2022/01/31/sdf-denies-escape/">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
  <style>.share a {{ margin: 0 4px; }}</style>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">الحل نت</a>
    <nav class="main-menu">
      <ul>
        <li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار</a></li>
        <li><a href="/reports">تقارير وتحقيقات</a></li><li><a href="/economy">اقتصاد</a></li>
        <li><a href="/society">مجتمع</a></li><li><a href="/video">فيديو</a></li>
      </ul>
    </nav>
    <div class="breaking">عاجل: مقتل 3 أشخاص في حادث سير على طريق دمشق بيروت</div>
  </header>
  <main>
    <article class="post">
      <h1 class="entry-title">{HAL_TITLE}</h1>
      <div class="meta"><span class="author">فريق التحرير</span> <time datetime="2022-01-31">31 يناير 2022</time></div>
      <div class="share">شارك: <a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
      <div class="entry-content">
{paras}
      </div>
      <div class="share">شارك المقال على: <a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
      <div class="tags">وسوم: <a href="#">قسد</a> <a href="#">داعش</a> <a href="#">الحسكة</a></div>
    </article>
    <section class="related">
      <h3>مقالات ذات صلة</h3>
      <ul>
        <li><a href="/a">وفاة المفكر الكبير جودت سعيد.. هكذا نعاه السوريون</a></li>
        <li><a href="/b">ارتفاع أسعار الخبز في دمشق للمرة الثالثة</a></li>
      </ul>
    </section>
    <section id="comments" class="comments-area">
      <h3 class="comments-title">2 تعليقات</h3>
      <ol class="comment-list">
        <li class="comment"><div class="comment-author">أبو أحمد</div>
          <div class="comment-content"><p>أنا سمعت أن 900 سجين هربوا ولم يعلن أحد عن ذلك، الله أعلم بالحقيقة.</p></div></li>
        <li class="comment"><div class="comment-author">سامر</div>
          <div class="comment-content"><p>الأرقام الرسمية دائما أقل من الحقيقة، قتل أكثر من 1000 شخص.</p></div></li>
      </ol>
      <form class="comment-form"><textarea name="comment"></textarea><button>أضف تعليقا</button></form>
    </section>
  </main>
  <footer class="site-footer">
    <div class="newsletter">هل أعجبك المحتوى؟ اشترك بنشرتنا البريدية</div>
    <ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul>
    <p>جميع الحقوق محفوظة © 2022 الحل نت</p>
  </footer>
</body>
</html>
"""


def rss_feed() -> str:
    full = "".join(f"<p>{p}</p>" for p in body_paragraphs(ANON["text"], "اضف تعليقا"))
    ittihad = body_paragraphs(ITTIHAD["text"])
    summary = ittihad[1]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>موقع أخبار المنطقة</title>
    <link>https://news.example.org/</link>
    <description>آخر الأخبار</description>
    <language>ar</language>
    <item>
      <title>داعش يهاجم سجن غويران في الحسكة ومقتل 7 من المليشيات الكردية</title>
      <link>https://news.example.org/2022/01/22/ghwayran</link>
      <guid>https://news.example.org/?p=1001</guid>
      <pubDate>Sat, 22 Jan 2022 09:30:00 +0000</pubDate>
      <description>هاجمت عناصر من داعش سجن غويران بمدينة الحسكة السورية.</description>
      <content:encoded><![CDATA[{full}]]></content:encoded>
    </item>
    <item>
      <title>{ittihad[0]}</title>
      <link>https://news.example.org/2022/01/24/asayish</link>
      <guid>https://news.example.org/?p=1002</guid>
      <pubDate>Mon, 24 Jan 2022 18:10:00 +0000</pubDate>
      <description><![CDATA[<p>{summary}</p>]]></description>
    </item>
    <item>
      <title>Weather update for the weekend</title>
      <link>https://news.example.org/2022/01/24/weather</link>
      <guid>https://news.example.org/?p=1003</guid>
      <pubDate>Mon, 24 Jan 2022 19:00:00 +0000</pubDate>
      <description>Sunny skies are expected across the region on Saturday and Sunday, with mild temperatures.</description>
    </item>
  </channel>
</rss>
"""


def warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "marsad fixtures"}))
        pages = [
            ("https://7al.net/2022/01/31/sdf-denies-escape/", news_page().encode("utf-8"),
             "text/html; charset=UTF-8"),
            ("https://www.albawabhnews.com/4536218", bawaba_page().encode("cp1256"),
             "text/html; charset=windows-1256"),
        ]
        for url, payload, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
        png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://7al.net/logo.png", "response",
                                                      payload=io.BytesIO(png), http_headers=headers))


def bawaba_page() -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in body_paragraphs(BAWABA_CP1256_TEXT)[3:-1])
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>سجن الخلافة.. تفاصيل هجوم داعش لتهريب قادته من الصناعة | البوابة نيوز</title></head>
<body><div class="menu"><a href="/">الرئيسية</a> <a href="/news">أخبار</a></div>
<h1>سجن الخلافة.. تفاصيل هجوم داعش لتهريب قادته من الصناعة</h1>
<div class="date">الجمعة 21/يناير/2022 - 03:48 م</div>
<div class="article-body">{paras}</div>
<div class="footer">جميع الحقوق محفوظة</div></body></html>
"""


def main() -> None:
    DATA.mkdir(exist_ok=True)
    (DATA / "news_page.html").write_text(news_page(), encoding="utf-8")
    # The same article as a plain-text scrape: windows-1256 bytes, and UTF-16 (with BOM).
    (DATA / "bawaba_cp1256.txt").write_bytes(BAWABA_CP1256_TEXT.encode("cp1256"))
    (DATA / "bawaba_utf16.txt").write_bytes(BAWABA["text"].encode("utf-16"))
    (DATA / "feed.rss").write_text(rss_feed(), encoding="utf-8")
    warc(DATA / "crawl.warc.gz")
    bad = DATA / "bad"
    bad.mkdir(exist_ok=True)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    good = json.dumps({k: ITTIHAD[k] for k in ("id", "text", "published", "outlet", "url")}, ensure_ascii=False)
    truncated = json.dumps({"id": "cut_001", "text": ANON["text"]}, ensure_ascii=False)[:300]
    (bad / "truncated.jsonl").write_text(good + "\n" + truncated + "\n", encoding="utf-8")
    (bad / "english.txt").write_text(
        "Syria: fighting continues around Ghwayran prison\n\n"
        "Clashes continued for a fourth day on Sunday around the Ghwayran prison in the north-eastern "
        "Syrian city of Hasakah, where Islamic State fighters attacked the facility on Thursday night "
        "in an attempt to free their comrades. The Syrian Democratic Forces said they had recaptured "
        "most of the prison blocks.\n", encoding="utf-8")


if __name__ == "__main__":
    main()
