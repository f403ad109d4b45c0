"""Interface labels in Arabic and English (?lang=ar|en); Arabic pages are right-to-left."""

from __future__ import annotations

from functools import cache

from marsad import lang

LANGS = ("en", "ar")

LABELS: dict[str, dict[str, str]] = {
    "app": {"en": "Marsad", "ar": "مرصد"},
    "tagline": {"en": "Sourced conflict events from Arabic news",
                "ar": "أحداث النزاع الموثقة من الأخبار العربية"},
    "events": {"en": "Events", "ar": "الأحداث"},
    "documents": {"en": "Reports", "ar": "التقارير"},
    "about": {"en": "About", "ar": "حول"},
    "api": {"en": "API", "ar": "واجهة البرمجة"},
    "filters": {"en": "Filters", "ar": "التصفية"},
    "date_from": {"en": "From", "ar": "من"},
    "date_to": {"en": "To", "ar": "إلى"},
    "country": {"en": "Country", "ar": "البلد"},
    "admin1": {"en": "Province", "ar": "المحافظة"},
    "type": {"en": "Type", "ar": "النوع"},
    "actor": {"en": "Actor", "ar": "الطرف"},
    "search": {"en": "Search text", "ar": "بحث في النص"},
    "apply": {"en": "Apply", "ar": "تطبيق"},
    "reset": {"en": "Reset", "ar": "إلغاء"},
    "any": {"en": "any", "ar": "الكل"},
    "date": {"en": "Date", "ar": "التاريخ"},
    "location": {"en": "Location", "ar": "المكان"},
    "actors": {"en": "Actors", "ar": "الأطراف"},
    "reports": {"en": "Reports", "ar": "التقارير"},
    "fatalities": {"en": "Killed (best)", "ar": "القتلى (أفضل تقدير)"},
    "map": {"en": "Map", "ar": "الخريطة"},
    "timeline": {"en": "Timeline", "ar": "الخط الزمني"},
    "n_events": {"en": "events", "ar": "حدث"},
    "no_events": {"en": "No events match these filters.", "ar": "لا توجد أحداث مطابقة."},
    "prev": {"en": "Previous", "ar": "السابق"},
    "next": {"en": "Next", "ar": "التالي"},
    "figures": {"en": "Reconciled figures", "ar": "الأرقام المُوفَّق بينها"},
    "kind": {"en": "Kind", "ar": "النوع"},
    "who": {"en": "Who", "ar": "من"},
    "low": {"en": "Low", "ar": "الأدنى"},
    "best": {"en": "Best", "ar": "الأرجح"},
    "high": {"en": "High", "ar": "الأعلى"},
    "n_claims": {"en": "Claims", "ar": "الادعاءات"},
    "sources": {"en": "Sources", "ar": "المصادر"},
    "disputed": {"en": "disputed", "ar": "متنازع عليه"},
    "claims": {"en": "Claims", "ar": "الادعاءات"},
    "value": {"en": "Value", "ar": "القيمة"},
    "source": {"en": "Source", "ar": "المصدر"},
    "stance": {"en": "Stance", "ar": "الموقف"},
    "outlet": {"en": "Outlet", "ar": "الوسيلة"},
    "evidence": {"en": "Evidence", "ar": "الدليل"},
    "toll": {"en": "Toll over time", "ar": "الحصيلة عبر الزمن"},
    "linked": {"en": "Linked reports and merge reasons", "ar": "التقارير المرتبطة وأسباب الدمج"},
    "reasons": {"en": "Merge reasons", "ar": "أسباب الدمج"},
    "texts": {"en": "Report texts with highlighted evidence", "ar": "نصوص التقارير مع إبراز الأدلة"},
    "revisions": {"en": "Revisions", "ar": "المراجعات"},
    "version": {"en": "Version", "ar": "النسخة"},
    "changes": {"en": "Changes", "ar": "التغييرات"},
    "none": {"en": "none", "ar": "لا يوجد"},
    "title": {"en": "Title", "ar": "العنوان"},
    "open": {"en": "open", "ar": "فتح"},
    "not_found": {"en": "Not found", "ar": "غير موجود"},
    "merged_into": {"en": "This event was merged into", "ar": "دُمج هذا الحدث في"},
    "attribution": {"en": "Map data and place names", "ar": "بيانات الخريطة وأسماء الأماكن"},
    "basemap": {"en": "Base map: countries (Natural Earth) and admin-1 boundaries (OCHA COD-AB, "
                      "Who's On First); no tiles.",
                "ar": "الخريطة الأساسية: الدول (Natural Earth) وحدود المحافظات "
                      "(OCHA COD-AB و Who's On First)، بلا بلاطات."},
    "event": {"en": "Event", "ar": "حدث"},
    "document": {"en": "Report", "ar": "تقرير"},
    "published": {"en": "Published", "ar": "تاريخ النشر"},
    "ingest_help": {"en": "Add reports with POST /api/documents (bearer token).",
                    "ar": "أضف تقارير عبر POST /api/documents (برمز الوصول)."},
    "no_chart": {"en": "No dated figures to chart.", "ar": "لا أرقام مؤرخة للرسم."},
    "background": {"en": "background", "ar": "خلفية"},
    "superseded": {"en": "superseded", "ar": "أرقام سابقة"},
    "deaths_how": {"en": "How this figure was reached", "ar": "كيف حُسب هذا الرقم"},
    "deaths_rule": {"en": "One rule for every death figure (this page, the map, ACLED fatalities, "
                          "UCDP best): "
                          "each group's best figure, groups inside a broader group left out, the rest added "
                          "up; an overall toll of unnamed people replaces the sum when larger.",
                    "ar": "قاعدة واحدة لكل رقم للقتلى (هذه الصفحة والخريطة وحقل fatalities في ACLED وbest في "
                          "UCDP): أرجح رقم لكل فئة، وتُستبعد الفئة المشمولة في فئة أوسع، ويُجمع الباقي؛ "
                          "وتحلّ حصيلة إجمالية لأشخاص غير محددين محل المجموع إذا كانت أكبر."},
    "why_group": {"en": "counted", "ar": "محسوب"},
    "why_inside": {"en": "already counted inside", "ar": "محسوب ضمن"},
    "why_overall": {"en": "overall toll, larger than the groups' sum: replaces it",
                    "ar": "حصيلة إجمالية أكبر من مجموع الفئات: تحلّ محله"},
    "why_overall_smaller": {"en": "overall toll, not larger than the groups' sum: not added",
                            "ar": "حصيلة إجمالية لا تزيد على مجموع الفئات: لا تُضاف"},
    "why_groups_smaller": {"en": "inside the larger overall toll", "ar": "ضمن الحصيلة الإجمالية الأكبر"},
    "more": {"en": "more", "ar": "المزيد"},
    "via": {"en": "via", "ar": "نقلاً عن"},
    "reason_first": {"en": "First report of the incident", "ar": "أول تقرير عن الحدث"},
    "reason_score": {"en": "match", "ar": "درجة التطابق"},
    "reason_merged": {"en": "Merged", "ar": "دُمج"},
    "reason_score_rule": {"en": "Merged by similarity", "ar": "دُمج للتشابه"},
    "reason_merged_incidents": {"en": "Two incidents merged", "ar": "دُمج حدثان"},
    "reason_bridged_stored_incidents": {"en": "Joined two stored incidents", "ar": "ربط حدثين مخزّنين"},
    "same": {"en": "same", "ar": "نفس"},
    "different": {"en": "different", "ar": "اختلاف"},
    "alike": {"en": "alike", "ar": "تشابه"},
    "same_day": {"en": "same day", "ar": "في اليوم نفسه"},
    "days_apart": {"en": "days apart", "ar": "أيام فارق"},
    "feat_date": {"en": "date", "ar": "التاريخ"},
    "feat_place": {"en": "place", "ar": "المكان"},
    "feat_type": {"en": "event type", "ar": "نوع الحدث"},
    "feat_actors": {"en": "actors", "ar": "الأطراف"},
    "feat_figures": {"en": "figures", "ar": "الأرقام"},
    "feat_text": {"en": "wording", "ar": "الصياغة"},
    "weight": {"en": "Weight", "ar": "الوزن"},
    "tier_body": {"en": "in the report's body", "ar": "في متن الخبر"},
    "tier_weak": {"en": "weaker: headline only, hearsay or unconfirmed",
                  "ar": "أضعف: في العنوان فقط أو نقلاً عن شهود أو غير مؤكد"},
    "tier_preliminary": {"en": "preliminary count", "ar": "حصيلة أولية"},
    "tier_earlier": {"en": "an earlier incident recalled", "ar": "حدث سابق مذكور"},
    "tiers_help": {"en": "Weight: how the reconciliation ranks a figure. The best figure is the latest "
                         "of the highest weight: body figures outrank weaker ones (headline-only, "
                         "hearsay, unconfirmed), which outrank preliminary counts; figures of an "
                         "earlier incident never count.",
                   "ar": "الوزن: ترتيب الرقم عند التوفيق بين الأرقام. الأرجح هو أحدث رقم من أعلى وزن: "
                         "أرقام متن الخبر تتقدم على الأضعف (العنوان فقط، النقل عن شهود، الرقم غير مؤكد)، "
                         "وهذه تتقدم على الحصائل الأولية؛ ولا تُحتسب أرقام حدث سابق."},
    "legend_claim": {"en": "a figure (claim): click a claim's row to jump here",
                     "ar": "رقم (ادعاء): انقر على صف الادعاء للانتقال إليه"},
    "legend_event": {"en": "event words: type, date, place", "ar": "كلمات الحدث: النوع والتاريخ والمكان"},
    "legend_denied": {"en": "denied figures are red in the claims table",
                      "ar": "الأرقام المنفية بالأحمر في جدول الادعاءات"},
    "export": {"en": "Export these events", "ar": "تصدير هذه الأحداث"},
    "review": {"en": "Review", "ar": "المراجعة"},
    "rejected": {"en": "rejected by a coder", "ar": "رفضه مُرمِّز"},
    "review_done": {"en": "Saved: the decision is a revision and later runs keep it.",
                    "ar": "حُفظ القرار: صار مراجعة، ولن تُلغيه عمليات التشغيل اللاحقة."},
    "not_reviewed": {"en": "Not reviewed yet: machine-coded.", "ar": "لم يُراجَع بعد: ترميز آلي."},
    "review_this": {"en": "Review this event (coders, with the service's token)",
                    "ar": "راجع هذا الحدث (للمرمِّزين، برمز الخدمة)"},
    "review_help": {"en": "Pick a decision, fill its fields below, say who you are and why. Every decision "
                          "is a revision; later runs re-apply it instead of overwriting it.",
                    "ar": "اختر القرار واملأ حقوله أدناه، واذكر اسمك والسبب. كل قرار يُسجَّل مراجعةً، "
                          "وتُعيد عمليات التشغيل اللاحقة تطبيقه بدل أن تلغيه."},
    "review_op": {"en": "Decision", "ar": "القرار"},
    "review_who": {"en": "Coder", "ar": "المرمِّز"},
    "review_why": {"en": "Why", "ar": "السبب"},
    "review_token": {"en": "Token", "ar": "الرمز"},
    "review_save": {"en": "Save the decision", "ar": "احفظ القرار"},
    "reviewed_by": {"en": "Reviewed by", "ar": "راجعه"},
    "decisions": {"en": "decision(s)", "ar": "قرار"},
    "op_retype": {"en": "Retype", "ar": "تغيير النوع"},
    "op_redate": {"en": "Correct the date", "ar": "تصحيح التاريخ"},
    "op_replace": {"en": "Correct the place", "ar": "تصحيح المكان"},
    "op_note": {"en": "Note", "ar": "ملاحظة"},
    "op_merge": {"en": "Merge another event into this one", "ar": "دمج حدث آخر في هذا"},
    "op_split": {"en": "Split these reports off", "ar": "فصل هذه التقارير"},
    "op_reject": {"en": "Reject a claim", "ar": "رفض ادعاء"},
    "op_reattribute": {"en": "Re-attribute a claim", "ar": "إعادة نسبة ادعاء"},
    "actor_hint": {"en": "name or alias, e.g. ISIS", "ar": "اسم أو لقب، مثل داعش"},
    "map_limited": {"en": "The map shows the newest %d geocoded events; narrow the filters to see others.",
                    "ar": "تعرض الخريطة أحدث %d حدثاً محدد الموقع؛ ضيّق التصفية لرؤية غيرها."},
}


@cache
def _arabic_terms() -> dict[str, str]:
    """Code -> Arabic label: marsad/lang/ar/display.yaml, else an actor's first Arabic alias."""
    import re

    out: dict[str, str] = {}
    from marsad.extract.actors import country_entries, merged_entries

    for entry in merged_entries(lang.load("actors"), country_entries(lang.load("actor_countries"))):
        arabic = [a for a in entry.get("aliases") or [] if re.search("[\u0600-\u06ff]", a)]
        if arabic:
            out[entry["name"]] = arabic[0]
    display = lang.load("display")
    # "Civilians (Yemen)", "Protesters (Iraq)": the group's plural label and the country's Arabic name
    countries = {row["en"]: row["ar"][0] for row in lang.load("actor_countries")["countries"].values()}
    for name in list(out):
        m = re.fullmatch(r"(.+) \((.+)\)", name)
        if m and m.group(1) in (display.get("actors") or {}) and m.group(2) in countries:
            out[name] = f"{display['actors'][m.group(1)]} ({countries[m.group(2)]})"
    for section in ("actors", "disorder_types", "sub_event_types", "event_types", "qualifiers", "kinds",
                    "stances"):
        out.update(display.get(section) or {})
    return out


def term(lang_code: str):
    """term(code) -> the code's label in `lang_code` (the code itself when there is none)."""

    def tr(code: str | None) -> str:
        if lang_code == "ar" and code:
            return _arabic_terms().get(code, code)
        return code or ""

    return tr


def translator(lang: str):
    """t(key) -> the label in `lang` (English when a label or language is missing)."""
    lang = lang if lang in LANGS else "en"

    def t(key: str) -> str:
        entry = LABELS.get(key)
        return entry.get(lang) or entry["en"] if entry else key

    return t
