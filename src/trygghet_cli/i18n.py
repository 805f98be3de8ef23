"""Labels, status names and date formats in Swedish (default) and English."""

from __future__ import annotations

from datetime import date

LANGUAGES = ("sv", "en")

_MONTHS = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

_LABELS: dict[str, tuple[str, str]] = {
    "error": ("fel", "error"),
    "warning": ("varning", "warning"),
    "hint": ("tips", "hint"),
    "checked": ("{files} filer i {roots} datarot(er) kontrollerade",
                "{files} files checked in {roots} data root(s)"),
    "summary": ("{errors} fel, {warnings} varningar", "{errors} errors, {warnings} warnings"),
    "valid": ("Allt stämmer.", "All valid."),
    "status.planned": ("planerad", "planned"),
    "status.ongoing": ("pågår", "ongoing"),
    "status.done": ("klar", "done"),
    "status.delayed": ("försenad", "delayed"),
    "status.cancelled": ("inställd", "cancelled"),
    "status.unknown": ("okänd", "unknown"),
    "status.overdue": ("passerat slutdatum", "overdue"),
    # trygghet status
    "st.title": ("Läget för {title}", "Status of {title}"),
    "st.as_of": ("per {date}", "as of {date}"),
    "st.period": ("Period {start} – {end}", "Period {start} – {end}"),
    "st.days_left": ("{days} dagar kvar", "{days} days left"),
    "st.ends_today": ("sista dagen", "last day"),
    "st.ended": ("avslutad", "ended"),
    "st.not_started": ("har inte börjat", "not started"),
    "st.chosen.latest_ended": ("Ingen löftesperiod omfattar {date}; visar den senaste, {label}.",
                               "No pledge period covers {date}; showing the latest, {label}."),
    "st.chosen.upcoming": ("Ingen löftesperiod har börjat {date}; visar den första, {label}.",
                           "No pledge period has begun by {date}; showing the first, {label}."),
    "st.activities": ("Aktiviteter", "Activities"),
    "st.activity": ("Aktivitet", "Activity"),
    "st.status": ("Status", "Status"),
    "st.owner": ("Ansvarig", "Owner"),
    "st.due": ("Slutdatum", "Due"),
    "st.targets": ("Mål", "Targets"),
    "st.target": ("Mål och utfall", "Target and outcome"),
    "st.target_line": ("Mål", "Target"),
    "st.done_share": ("{share} klara", "{share} done"),
    "st.done_of": ("{done} av {total} klara", "{done} of {total} done"),
    "st.overdue_count": ("{n} har passerat slutdatum", "{n} overdue"),
    "st.past_due_unknown": ("{n} med okänd status efter slutdatum",
                            "{n} with unknown status past due"),
    "st.filtered": ("Filter: {filters}", "Filters: {filters}"),
    "st.nothing": ("Inga aktiviteter matchar.", "No activities match."),
    "st.no_activity": ("inga aktiviteter", "no activities"),
    "st.gap.no_pledge": ("LUCKA: inget löfte", "GAP: no pledge"),
    "st.gap.no_activity": ("LUCKA: ingen aktivitet", "GAP: no activity"),
    "st.pledge": ("Löfte", "Pledge"),
    "st.pledges": ("Löften", "Pledges"),
    "st.areas": ("Områden", "Areas"),
    "st.by.area": ("Per prioriterat område", "By priority area"),
    "st.by.owner": ("Per ansvarig", "By owner"),
    "st.by.district": ("Per kommundel", "By district"),
    "st.by.status": ("Per status", "By status"),
    "st.by.problem": ("Per problem i lägesbilden", "By problem of the lägesbild"),
    "st.none.area": ("Inget prioriterat område angivet", "No priority area given"),
    "st.none.owner": ("Ingen ansvarig angiven", "No owner given"),
    "st.none.district": ("Ingen kommundel angiven", "No district given"),
    "st.none.problem": ("Inte kopplat till något problem i lägesbilden",
                        "Tied to no problem of the lägesbild"),
    "st.no_agreement": ("Löftena är inte kopplade till någon överenskommelse.",
                        "The pledges are not linked to an agreement."),
    "st.overdue_text": ("passerat slutdatum för {days} sedan: {status}",
                        "overdue by {days}: {status}"),
    "st.overdue_closed": ("passerat slutdatum: {status}", "overdue: {status}"),
    "st.unknown_past_due": ("okänd, slutdatum passerat för {days} sedan", "unknown, {days} past due"),
    "days.one": ("{n} dag", "{n} day"),
    "days.many": ("{n} dagar", "{n} days"),
    "st.one_day": ("1 dag", "1 day"),
    "verdict.met": ("uppnått", "met"),
    "verdict.exceeded": ("överskridet", "exceeded"),
    "verdict.partly_met": ("delvis uppnått", "partly met"),
    "verdict.in_progress": ("pågår", "in progress"),
    "verdict.stated": ("{verdict} enligt källan {source}", "{verdict} according to {source}"),
    "verdict.approximate": ("{verdict} (ungefärligt utfall)", "{verdict} (approximate outcome)"),
    "verdict.not_met": ("ej uppnått", "not met"),
    "verdict.on_track": ("i fas", "on track"),
    "verdict.behind": ("efter plan", "behind"),
    "verdict.reported": ("redovisat", "reported"),
    "verdict.not_judged": ("kan inte bedömas", "cannot be judged"),
    "verdict.no_outcome": ("inget utfall", "no outcome"),
    "target.at_least": ("{got} av minst {want}", "{got} of at least {want}"),
    "target.exactly": ("{got} av exakt {want}", "{got} of exactly {want}"),
    "target.rate": ("{got} på {days} ({span}) = {rate} per {per}, mål minst {value} per {per}",
                    "{got} in {days} ({span}) = {rate} per {per}, target at least {value} per {per}"),
    "target.rate_plain": ("minst {value} per {per}", "at least {value} per {per}"),
    "target.at_least_only": ("minst {want}", "at least {want}"),
    "target.exactly_only": ("exakt {want}", "exactly {want}"),
    "target.qualitative": ("{text} (kvalitativt mål)", "{text} (qualitative target)"),
    "st.period_end_note": ("* inget eget slutdatum: periodens slut gäller",
                           "* no due date of its own: the end of the period applies"),
    "target.change": ("{got} mot {base} år {year} ({delta})", "{got} vs {base} in {year} ({delta})"),
    "target.change_goal": ("mål: {direction} med {want}", "target: {direction} by {want}"),
    "target.change_goal_plain": ("mål att {direction}", "target to {direction}"),
    "target.no_baseline": ("{got}, basår {year} utan värde", "{got}, baseline {year} has no value"),
    "direction.increase": ("öka", "increase"),
    "direction.decrease": ("minska", "decrease"),
    "per.day": ("dag", "day"),
    "per.week": ("vecka", "week"),
    "per.month": ("månad", "month"),
    "per.year": ("år", "year"),
    "outcome.interim": ("delrapport {date}", "interim, {date}"),
    "outcome.approximate": ("ca {value}", "about {value}"),
    "outcome.disagree": ("källorna går isär: {others}", "sources disagree: {others}"),
    "outcome.also": ("även: {others}", "also: {others}"),
    "outcome.at_least": ("minst {value}", "at least {value}"),
    "st.results": ("Övriga resultat", "Other results"),
    "outcome.at_most": ("högst {value}", "at most {value}"),
    "outcome.due_so_far": ("väntat hittills {due}", "due so far {due}"),
    "outcome.covers": ("avser {span}", "covers {span}"),
    "outcome.later.one": ("{n} utfall daterat efter i dag räknas inte",
                          "{n} outcome dated after today not counted"),
    "outcome.later.many": ("{n} utfall daterade efter i dag räknas inte",
                           "{n} outcomes dated after today not counted"),
    "window.tertials": ("tertial {numbers} {year}", "tertials {numbers} of {year}"),
    "window.quarters": ("kvartal {numbers} {year}", "quarters {numbers} of {year}"),
    "window.tertial": ("tertial {numbers} {year}", "tertial {numbers} of {year}"),
    "window.quarter": ("kvartal {numbers} {year}", "quarter {numbers} of {year}"),
    "diff.title": ("trygghet diff: {old} → {new}", "trygghet diff: {old} → {new}"),
    "diff.count.added": ("nya", "added"),
    "diff.count.removed": ("borttagna", "removed"),
    "diff.count.changed": ("ändrade", "changed"),
    "diff.count.unchanged": ("oförändrade", "unchanged"),
    "diff.status_counts": ("statusändringar: {count}", "status changes: {count}"),
    "diff.none": ("inga skillnader", "no differences"),
    "diff.working_tree": ("arbetskopian", "working tree"),
    "diff.added": ("Tillagt", "Added"),
    "diff.removed": ("Borttaget", "Removed"),
    "diff.changed": ("Ändrat", "Changed"),
    "diff.by_text": ("liknande text, {percent} %", "similar text, {percent}%"),
    "diff.by_predecessor": ("efterföljare", "successor"),
    "diff.hidden": ("ändrad (visas inte)", "changed (not shown)"),
    "diff.other": ("Övrigt", "Other"),
    "diff.settings": ("Inställningar (trygghet.yaml)", "Settings (trygghet.yaml)"),
    "diff.pledge": ("Löfte {id}", "Pledge {id}"),
    "diff.problems": ("Fel i datat", "Errors in the data"),
    "diff.skipped": ("Inte jämförda (ogiltiga i någon version)", "Not compared (invalid in a version)"),
    "diff.truncated": ("Listan är avkortad; kör trygghet diff lokalt för allt.",
                       "The list is cut short; run trygghet diff locally to see it all."),
    "diff.yes": ("ja", "yes"),
    "diff.no": ("nej", "no"),
    "entity.config": ("inställningar", "settings"),
    "entity.agreement": ("överenskommelse", "agreement"),
    "entity.area": ("prioriterat område", "priority area"),
    "entity.pledge_set": ("medborgarlöften", "pledge set"),
    "entity.pledge": ("löfte", "pledge"),
    "entity.activity_list": ("aktivitetslista", "activity list"),
    "entity.activity": ("aktivitet", "activity"),
    "entity.situation": ("lägesbild", "lägesbild"),
    "entity.problem": ("problem", "problem"),
    "entity.indicator": ("indikator", "indicator"),
    "edit.unchanged": ("Oförändrat: {what}; ingen fil skrevs.", "Unchanged: {what}; no file written."),
    "edit.written": ("Skrev {path}", "Wrote {path}"),
    "edit.dry_run": ("Provkörning: inget skrevs.", "Dry run: nothing written."),
    "edit.new_id": ("Ny aktivitet: {id}", "New activity: {id}"),
    "edit.fmt_would": ("skulle formateras om: {path}", "would reformat: {path}"),
    "edit.scaffold_note": ("Utkast skapat med 'trygghet new period' från {source}: gå igenom löftena, "
                           "fyll i lägesbild, underskrift och källor.",
                           "Draft made with 'trygghet new period' from {source}: review the pledges, "
                           "add the situation picture, signing and sources."),
    "edit.no_agreement": ("Ingen överenskommelse täcker {period}; lägg till 'agreement:' när den finns.",
                          "No agreement covers {period}; add 'agreement:' once there is one."),
    "edit.refused": ("Ändringen skulle göra datan ogiltig, inget skrevs",
                     "The change would make the data invalid, nothing written"),
    "edit.errors_before": ("Datan har redan {count} fel (se 'trygghet validate'); ändringen får inte "
                           "lägga till några.", "The data already has {count} errors (see 'trygghet "
                           "validate'); the change must not add any."),
    "edit.fmt_clean": ("{count} filer redan formaterade", "{count} files already formatted"),
    "ics.name": ("{municipality}: aktiviteter", "{municipality}: activities"),
    "ics.status": ("Status", "Status"),
    "ics.owners": ("Ansvariga", "Owners"),
    "ics.pledges": ("Medborgarlöften", "Pledges"),
    "ics.no_due": ("Inget slutdatum angivet; visas på löftesperiodens sista dag ({end}).",
                   "No due date given; shown on the last day of the pledge period ({end})."),
    "import.row": ("rad {row}", "row {row}"),
    "import.ignored": ("kolumner som inte lästes in: {headers}", "columns not imported: {headers}"),
    "import.failed": ("{count} problem; ingenting skrevs. Rätta raderna och försök igen.",
                      "{count} problem(s); nothing was written. Fix the rows and try again."),
    "import.would": ("skulle lägga till {added} och uppdatera {updated} aktiviteter i {path} "
                     "(--dry-run: ingenting skrevs)",
                     "would add {added} and update {updated} activities in {path} "
                     "(--dry-run: nothing written)"),
    "import.done": ("lade till {added} och uppdaterade {updated} aktiviteter i {path}",
                    "added {added} and updated {updated} activities in {path}"),
    "init.created": ("skapade {path}", "created {path}"),
    "init.kept": ("behöll befintlig {path}", "kept existing {path}"),
    "init.tool_repo": ("obs: CI-filerna och pre-commit hämtar trygghet från {url}; ange --tool-repo "
                       "(eller ändra adressen i filerna) till där ni hämtar trygghet.",
                       "note: the CI files and pre-commit get trygghet from {url}; give --tool-repo "
                       "(or change the address in the files) to where you get trygghet."),
    "init.next": ("Klart. Nästa steg: cd {path} && trygghet validate",
                  "Done. Next: cd {path} && trygghet validate"),
}

# Data field names as output shows them; a key not listed here is shown as it is.
_FIELDS: dict[str, str] = {
    "title": "titel", "description": "beskrivning", "owners": "ansvariga", "targets": "mål",
    "outcomes": "utfall", "value": "värde", "due": "slutdatum", "parties": "parter",
    "districts": "kommundelar", "places": "platser", "pledges": "löften", "areas": "områden",
    "completed": "slutförd", "reason": "orsak", "notes": "anteckningar", "note": "anteckning",
    "sources": "källor", "signed": "undertecknad", "situation_picture": "lägesbild",
    "summary": "sammanfattning", "unit": "enhet", "kind": "typ", "date": "datum",
    "group": "grupp", "agreement": "överenskommelse", "roles": "roller", "end": "slut",
    "status_note": "statuskommentar", "predecessor": "föregångare", "visibility": "synlighet",
    "internal_notes": "interna anteckningar", "source": "källa", "approximate": "ungefärligt",
    "baseline": "utgångsläge", "direction": "riktning", "responsible": "ansvariga",
    "goals": "mål", "partners": "partner", "source_note": "källanmärkning", "place": "plats",
    "basis": "underlag", "priority_areas": "prioriterade områden", "pledge_set": "medborgarlöften",
    "revised": "reviderad", "follow_up": "uppföljning", "frequency": "frekvens",
    "functions": "funktioner", "name": "namn", "party": "part", "problems": "problem",
    "municipality": "kommun", "police_area": "polisområde", "language": "språk",
    "situation": "bygger på lägesbild", "decision": "beslut", "indicator": "indikator",
    "body": "organ", "paragraph": "paragraf", "diary_number": "diarienummer",
    "latest": "senaste", "all": "hela kommunen", "compiled_by": "sammanställd av",
    "occasion": "inför", "covers": "omfattar", "mapping": "kartläggning",
    "other_information": "annan relevant information", "analysis": "analys",
    "no_measure_reason": "skäl utan åtgärd", "better": "bättre när", "indicators": "indikatorer",
    "results": "övriga resultat", "text": "text", "bound": "gräns", "verdict": "bedömning",
    "period": "period", "start": "start", "activity": "aktivitet", "pledge": "löfte",
    "district": "kommundel",
}


# trygghet overview
_LABELS.update({
    "ov.title": ("Översikt", "Overview"),
    "ov.heading": ("Översikt per {date}", "Overview as of {date}"),
    "ov.count_one": ("1 kommun", "1 municipality"),
    "ov.count": ("{n} kommuner", "{n} municipalities"),
    "ov.none": ("Inga kommuner matchar.", "No municipalities match."),
    "ov.filters": ("Filter: {filters}", "Filters: {filters}"),
    "ov.col.municipality": ("Kommun", "Municipality"),
    "ov.col.county": ("Län", "County"),
    "ov.col.police_area": ("Polisområde", "Police area"),
    "ov.col.agreement": ("Överenskommelse", "Agreement"),
    "ov.col.period": ("Löftesperiod", "Pledge period"),
    "ov.col.activities": ("Aktiviteter", "Activities"),
    "ov.col.statuses": ("Per status", "By status"),
    "ov.col.done": ("Klara", "Done"),
    "ov.col.overdue": ("Passerat slutdatum", "Overdue"),
    "ov.col.targets_met": ("Mål uppnådda", "Targets met"),
    "ov.col.targets_short": ("Mål", "Targets"),
    "ov.col.situation": ("Lägesbild", "Situation"),
    "ov.col.changed": ("Ändrad", "Changed"),
    "ov.col.law": ("Lagkrav uppfyllda", "Law requirements met"),
    "ov.law_short": ("lagkrav", "law"),
    "ov.targets_of": ("{met} av {total}", "{met} of {total}"),
    "ov.errors_one": ("1 fel i datat", "1 error in the data"),
    "ov.errors": ("{n} fel i datat", "{n} errors in the data"),
    "ov.no_pledges": ("inga medborgarlöften", "no pledges"),
    "ov.ended": ("{label}, avslutad", "{label}, ended"),
    "ov.upcoming": ("{label}, ej börjad", "{label}, not begun"),
    "ov.sort_by": ("Sortera efter", "Sort by"),
    "ov.sorted_by": ("Sorterad efter {order}", "Sorted by {order}"),
    "ov.caption": ("Kommunerna sorterade efter {order}", "The municipalities sorted by {order}"),
    "ov.footer": ("Sammanställt med trygghet ur de öppna uppgifterna i {roots}.",
                  "Compiled with trygghet from the open records in {roots}."),
    "ov.roots_one": ("1 datarot", "1 data root"),
    "ov.roots": ("{n} datarötter", "{n} data roots"),
    "ov.changed_note": ("Ändrad: dagen för den senaste incheckningen i git som rör kommunens datarot.",
                        "Changed: the day of the latest git commit touching the municipality's data root."),
})

# Labels of the rendered reports (trygghet report).
_LABELS.update({
    "report.kind.yearly": ("Årssammanställning", "Yearly summary"),
    "report.kind.pledges": ("Medborgarlöften", "Citizen pledges"),
    "report.kind.status": ("Lägesrapport", "Status report"),
    "report.kind.agreement": ("Samverkansöverenskommelse", "Cooperation agreement"),
    "report.kind_help.yearly": ("vad som gjordes under ett år, utfall mot mål",
                                "what was done in a year, outcomes against targets"),
    "report.kind_help.pledges": ("medborgarsidan: löftena, vem som lovar vad, hur man följer arbetet",
                                 "the citizen page: the pledges, who promises what, how to follow progress"),
    "report.kind_help.status": ("mötesrapporten: läget per ett datum",
                                "the meeting report: where things stand on a date"),
    "report.kind_help.agreement": ("prioriterade områden och ansvariga funktioner",
                                   "priority areas and responsible functions"),
    "report.skip": ("Hoppa till innehållet", "Skip to content"),
    "report.contents": ("Innehåll", "Contents"),
    "report.as_of": ("Läget per {date}.", "As of {date}."),
    "report.internal_title": ("Intern version.", "Internal version."),
    "report.internal_text": ("Rapporten innehåller interna aktiviteter och anteckningar och får inte "
                             "publiceras.",
                             "This report includes internal activities and notes and must not be published."),
    "report.footer": ("Sammanställt med trygghet ur de öppna uppgifterna om samverkan mellan {municipality} "
                      "och polisen.",
                      "Compiled with trygghet from the open record of the cooperation between "
                      "{municipality} and the police."),
    "report.sources": ("Källor", "Sources"),
    "report.notes": ("Anmärkningar", "Notes"),
    "report.period": ("Period", "Period"),
    "report.parties": ("Parter", "Parties"),
    "report.signed": ("Undertecknad", "Signed"),
    "report.partners": ("Andra samverkansparter", "Other partners"),
    "report.follow_up": ("Uppföljning", "Follow-up"),
    "report.none": ("inga", "none"),
    "report.internal_badge": ("intern", "internal"),
    "report.internal_notes": ("Interna anteckningar", "Internal notes"),
    "report.frequency.weekly": ("varje vecka", "weekly"),
    "report.frequency.monthly": ("varje månad", "monthly"),
    "report.frequency.quarterly": ("varje kvartal", "quarterly"),
    "report.frequency.tertial": ("varje tertial", "every four months"),
    "report.frequency.half-yearly": ("varje halvår", "every six months"),
    "report.frequency.yearly": ("varje år", "yearly"),
    "report.frequency.per-period": ("en gång per period", "once per period"),
    "report.agreement.about": ("Om överenskommelsen", "About the agreement"),
    "report.agreement.areas": ("Prioriterade områden", "Priority areas"),
    "report.agreement.pledge_sets": ("Medborgarlöften under perioden", "Pledges in the period"),
    "report.agreement.unknown_title": ("Ansvariga funktioner är inte kända.",
                                       "Responsible functions are not known."),
    "report.agreement.unknown_text": (
        "För {unknown} av {total} områden anger underlaget inte vilka funktioner som ansvarar. "
        "Fälten lämnas tomma i stället för att gissas.",
        "For {unknown} of {total} areas the record does not say which functions are responsible. "
        "They are left open rather than guessed."),
    "report.agreement.table": ("Prioriterade områden, ansvariga funktioner och antal medborgarlöften",
                               "Priority areas, responsible functions and number of pledges"),
    "report.agreement.area": ("Område", "Area"),
    "report.agreement.responsible": ("Ansvariga funktioner", "Responsible functions"),
    "report.agreement.pledge_count": ("Medborgarlöften", "Pledges"),
    "report.agreement.new": ("nytt", "new"),
    "report.agreement.not_known": ("inte känt", "not known"),
    "report.agreement.problem": ("Problem", "Problem"),
    "report.agreement.causes": ("Troliga orsaker", "Likely causes"),
    "report.agreement.goals": ("Mätbara mål", "Measurable goals"),
    "report.agreement.served_by": ("Medborgarlöften som verkar för området", "Pledges that serve the area"),
    "report.agreement.no_pledge": ("Inget medborgarlöfte är kopplat till området.",
                                   "No pledge is linked to this area."),
    "report.and_sep": (" och ", " and "),
    "report.yes": ("ja", "yes"),
    "report.no": ("nej", "no"),
    "report.activity": ("Aktivitet", "Activity"),
    "report.responsible": ("Ansvarig", "Responsible"),
    "report.status": ("Status", "Status"),
    "report.due": ("klart senast {date}", "due {date}"),
    "report.not_stated": ("anges inte", "not stated"),
    "report.pledges.intro": (
        "Medborgarlöften är konkreta åtaganden som {parties} gör för att öka tryggheten och minska "
        "brottsligheten. Här står vad som lovas, vem som lovar vad och hur du kan följa arbetet.",
        "Citizen pledges (medborgarlöften) are concrete commitments that {parties} make to increase "
        "safety and reduce crime. This page says what is promised, who promises what, and how to "
        "follow the work."),
    "report.pledges.pledges": ("Löftena", "The pledges"),
    "report.pledges.pledge": ("Löfte", "Pledge"),
    "report.pledges.pledge_n": ("Löfte {n}", "Pledge {n}"),
    "report.pledges.who": ("Vem lovar vad", "Who promises what"),
    "report.pledges.who_caption": ("Vilka parter som står bakom varje löfte",
                                   "Which parties stand behind each pledge"),
    "report.pledges.situation": ("Lägesbilden bakom löftena", "The situation behind the pledges"),
    "report.pledges.problems": ("Problem som lägesbilden pekar ut", "Problems the picture points out"),
    "report.pledges.basis": ("Underlag", "Basis"),
    "report.pledges.districts": ("Kommundelar", "Districts"),
    "report.pledges.follow": ("Så följer du arbetet", "How to follow progress"),
    "report.pledges.frequency": ("uppföljning {frequency}", "followed up {frequency}"),
    "report.pledges.no_follow_up": ("Underlaget anger inte hur uppföljningen görs eller publiceras.",
                                    "The record does not say how follow-up is done or published."),
    "report.pledges.recorded": ("Till löftena hör {total} aktiviteter; {done} av dem är markerade som klara.",
                                "The pledges have {total} activities; {done} of them are marked done."),
    "report.pledges.see_sources": ("Beslut, uppföljningar och nyheter finns i källorna längst ned.",
                                   "Decisions, follow-ups and news are in the sources at the end."),
    "report.pledges.agreement": ("Samverkansöverenskommelse", "Cooperation agreement"),
    "report.pledges.promised_by": ("Lovas av", "Promised by"),
    "report.pledges.areas": ("Prioriterade områden", "Priority areas"),
    "report.pledges.activities_for": ("Aktiviteter för löfte {n}", "Activities for pledge {n}"),
    "report.pledges.no_activities": ("Inga aktiviteter finns i underlaget för det här löftet.",
                                     "The record has no activities for this pledge."),
    "report.outcome.final": ("slutligt", "final"),
    "report.outcome.interim": ("delrapport", "interim"),
    "report.outcome.unknown": ("utfall", "outcome"),
    "report.expected_so_far": ("förväntat hittills: {value}", "expected so far: {value}"),
    "report.target_kind.at_least": ("minst", "at least"),
    "report.target_kind.exactly": ("exakt", "exactly"),
    "report.target_kind.rate": ("takt", "rate"),
    "report.target_kind.qualitative": ("kvalitativt", "qualitative"),
    "report.target_kind.change": ("förändring", "change"),
    "report.chart.status_title": ("Aktiviteternas status per löfte", "Activity status per pledge"),
    "report.chart.attainment_title": ("Utfall som andel av målet (siffermål)",
                                      "Outcome as a share of the target (numeric targets)"),
    "report.chart.goal": ("målet", "target"),
    "report.target": ("Mål", "Target"),
    "report.outcome": ("Utfall", "Outcome"),
    "report.verdict": ("Bedömning", "Assessment"),
    "report.result": ("Utfall mot mål", "Outcome against target"),
    "report.source": ("Källa", "Source"),
    "report.completed": ("klar {date}", "completed {date}"),
    "report.sources_disagree": ("Källorna skiljer sig:", "Sources disagree:"),
    "report.disagree_badge": ("källorna skiljer sig", "sources disagree"),
    "report.other_outcomes": ("Andra uppgifter:", "Other figures:"),
    "report.according_to": ("enligt", "according to"),
    "report.status.overview": ("Översikt", "Overview"),
    "report.status.activities": ("Aktiviteter", "Activities"),
    "report.status.done_share": ("Andel klara", "Share done"),
    "report.status.overdue": ("Passerat slutdatum", "Overdue"),
    "report.status.targets": ("Mål efter bedömning", "Targets by assessment"),
    "report.status.by_status": ("Aktiviteter per status", "Activities by status"),
    "report.status.count": ("Antal", "Count"),
    "report.status.overdue_list": ("Passerat slutdatum", "Past due"),
    "report.status.none_overdue": ("Ingen aktivitet har passerat sitt slutdatum.",
                                   "No activity is past its due date."),
    "report.status.per_pledge": ("Per löfte", "Per pledge"),
    "report.status.charts": ("Diagram", "Charts"),
    "report.yearly.title": ("Årssammanställning {year}", "Yearly summary {year}"),
    "report.yearly.intro": ("Vad kommunen och polisen gjorde under {year} för medborgarlöftena, och "
                            "utfallen mot målen.",
                            "What the municipality and the police did in {year} for the citizen pledges, "
                            "and the outcomes against the targets."),
    "report.yearly.intro_parties": ("Vad {parties} gjorde under {year} för medborgarlöftena, och "
                                    "utfallen mot målen.",
                                    "What {parties} did in {year} for the citizen pledges, and the "
                                    "outcomes against the targets."),
    "report.yearly.done_of": ("{done} av {total} aktiviteter klara.", "{done} of {total} activities done."),
    "report.yearly.areas_none": ("Löftet är inte kopplat till något prioriterat område i underlaget.",
                                 "The record links this pledge to no priority area."),
    "report.yearly.not_done": ("Inte genomfört, och varför", "Not done, and why"),
    "report.yearly.all_done": ("Alla aktiviteter under året är markerade som klara.",
                               "Every activity of the year is marked done."),
    "report.yearly.no_reason": ("orsak anges inte", "no reason given"),
    "report.yearly.missing": ("Mål utan utfall eller som inte nåddes",
                              "Targets without an outcome or not met"),
    "report.yearly.no_activities": ("Inga aktiviteter för löftet under året i underlaget.",
                                    "The record has no activities for this pledge in the year."),
    "report.yearly.outcomes_caption": ("Mål och utfall: {title}", "Targets and outcomes: {title}"),
    "report.yearly.overview": ("Utfall mot mål", "Outcomes against targets"),
})


# The citizen site (trygghet site).
_LABELS.update({
    "site.history.added.activity": ("aktiviteten {title} tillkom", "the activity {title} was added"),
    "site.history.added.pledge": ("löftet ”{title}” tillkom", "the pledge “{title}” was added"),
    "site.history.added.pledge_set": ("{title} publicerades", "{title} were published"),
    "site.history.added.agreement": ("{title} tillkom", "{title} was added"),
    "site.history.added.activity_list": ("aktivitetslistan {title} tillkom",
                                         "the activity list {title} was added"),
    "site.history.added.area": ("det prioriterade området {title} tillkom",
                                "the priority area {title} was added"),
    "site.history.added.other": ("{title} tillkom", "{title} was added"),
    "site.history.removed.activity": ("aktiviteten {title} togs bort", "the activity {title} was removed"),
    "site.history.removed.pledge": ("löftet ”{title}” togs bort", "the pledge “{title}” was removed"),
    "site.history.removed.pledge_set": ("{title} togs bort", "{title} were removed"),
    "site.history.removed.agreement": ("{title} togs bort", "{title} was removed"),
    "site.history.removed.activity_list": ("aktivitetslistan {title} togs bort",
                                           "the activity list {title} was removed"),
    "site.history.removed.area": ("det prioriterade området {title} togs bort",
                                  "the priority area {title} was removed"),
    "site.history.removed.other": ("{title} togs bort", "{title} was removed"),
    "site.history.changed.activity": ("aktiviteten {title} ändrades", "the activity {title} was changed"),
    "site.history.changed.pledge": ("löftet ”{title}” ändrades", "the pledge “{title}” was changed"),
    "site.history.changed.pledge_set": ("{title} ändrades", "{title} were changed"),
    "site.history.changed.agreement": ("{title} ändrades", "{title} was changed"),
    "site.history.changed.activity_list": ("aktivitetslistan {title} ändrades",
                                           "the activity list {title} was changed"),
    "site.history.changed.area": ("det prioriterade området {title} ändrades",
                                  "the priority area {title} was changed"),
    "site.history.changed.other": ("{title} ändrades", "{title} was changed"),
    "site.history.became.done": ("{title} blev klar", "{title} was completed"),
    "site.history.became.cancelled": ("{title} ställdes in", "{title} was cancelled"),
    "site.history.became.delayed": ("{title} blev försenad", "{title} was delayed"),
    "site.history.became.ongoing": ("{title} påbörjades", "{title} started"),
    "site.history.became.status": ("{title} har nu status {status}", "{title} is now {status}"),
    "site.history.reason": (", orsak: {reason}", ", reason: {reason}"),
    "site.history.outcome": ("nytt utfall för {title}", "a new outcome for {title}"),
    "site.history.published": ("Uppgifterna publicerades", "The record was published"),
    "site.footer": ("Sammanställt med verktyget trygghet ur de öppna uppgifterna om samverkan mellan "
                    "{parties}.",
                    "Compiled with the trygghet tool from the open record of the cooperation between "
                    "{parties}."),
    "site.nav": ("Webbplatsens delar", "Site sections"),
    "site.nav.home": ("Start", "Home"),
    "site.nav.pledges": ("Medborgarlöften", "Citizen pledges"),
    "site.nav.agreement": ("Överenskommelsen", "The agreement"),
    "site.nav.about": ("Om underlaget", "About the record"),
    "site.nav.accessibility": ("Tillgänglighet", "Accessibility"),
    "site.nav.open_data": ("Öppna data", "Open data"),
    "site.title": ("Trygghet och samverkan i {municipality}", "Safety and cooperation in {municipality}"),
    "site.kind": ("Brottsförebyggande samverkan", "Crime-prevention cooperation"),
    "site.intro": (
        "{parties} arbetar tillsammans för att förebygga brott och öka tryggheten. Samarbetet "
        "bygger på en samverkansöverenskommelse med prioriterade områden och på medborgarlöften: "
        "konkreta åtaganden som genomförs med aktiviteter. Här ser du vad som har lovats, vad som "
        "har gjorts och vad som händer nu, hämtat direkt ur de uppgifter parterna för.",
        "{parties} work together to prevent crime and increase safety. The cooperation rests on "
        "an agreement with priority areas and on citizen pledges: concrete commitments carried out "
        "through activities. Here you see what was promised, what was done and what happens now, "
        "taken straight from the record the parties keep."),
    "site.agreement": ("Samverkansöverenskommelsen", "The cooperation agreement"),
    "site.agreement_intro": ("{title} gäller {period}. De prioriterade områdena är att:",
                             "{title} runs {period}. Its priority areas are to:"),
    "site.agreement_link": ("Läs mer om överenskommelsen", "Read more about the agreement"),
    "site.pledges": ("Medborgarlöften {period}", "Citizen pledges {period}"),
    "site.pledges_intro": ("Det här lovar {parties} under {period}:",
                           "This is what {parties} promise for {period}:"),
    "site.pledge_state": ("{done} av {total} aktiviteter klara", "{done} of {total} activities done"),
    "site.pledge_state_none": ("inga aktiviteter registrerade ännu", "no activities recorded yet"),
    "site.pledges_link": ("Vad vi lovade, vad vi gjorde, vad som händer nu",
                          "What we promised, what we did, what happens now"),
    "site.activities_link": ("Aktivitetslistan och hur den har ändrats",
                             "The activity list and how it has changed"),
    "site.situation": ("Lägesbild", "Situation picture"),
    "site.situation_from": ("Källa: {title}.", "Source: {title}."),
    "site.situation_problems": ("Problem som lägesbilden pekar ut:", "Problems the picture points out:"),
    "site.situation_district_none": ("Den senaste lägesbilden säger inget särskilt om kommundelen.",
                                     "The latest situation picture says nothing in particular "
                                     "about the district."),
    "site.situation_districts": ("Per kommundel", "Per district"),
    "site.situation_none": ("Underlaget har ingen lägesbild för kommundelen.",
                            "The record has no situation picture for the district."),
    "site.earlier": ("Tidigare medborgarlöften och sammanställningar",
                     "Earlier pledges and summaries"),
    "site.yearly_link": ("Årssammanställning {year}", "Yearly summary {year}"),
    "site.districts": ("Kommundelar", "Districts"),
    "site.contact": ("Kontakt", "Contact"),
    "site.contact_website": ("Kontaktuppgifter finns på {municipality}s webbplats.",
                             "Contact details are on the website of {municipality}."),
    "site.contact_none": ("Underlaget anger ingen offentlig kontakt ännu.",
                          "The record gives no public contact yet."),
    "site.more": ("Mer på webbplatsen", "More on this site"),
    "site.feed": ("Ändringar som nyhetsflöde (Atom)", "Changes as a news feed (Atom)"),
    "site.list.title": ("{title}", "{title}"),
    "site.list.intro": ("Aktivitetslistan hör till {set}. Den kan komma att uppdateras under perioden "
                        "utifrån lägesbilden; nedan syns varje ändring.",
                        "The activity list belongs to {set}. It may be updated during the period as "
                        "the situation changes; every change is shown below."),
    "site.list.activities": ("Aktiviteterna", "The activities"),
    "site.list.caption": ("Aktiviteter, ansvariga och status", "Activities, owners and status"),
    "site.list.pledges": ("Löften", "Pledges"),
    "site.list.history": ("Så har listan ändrats", "How the list has changed"),
    "site.list.no_history": ("Listan har inte ändrats sedan den publicerades.",
                             "The list has not changed since it was published."),
    "site.list.no_git": ("Ändringshistoriken visas när webbplatsen byggs ur datans git-arkiv.",
                         "The history is shown when the site is built from the data's git repository."),
    "site.list.empty": ("Listan har inga aktiviteter ännu.", "The list has no activities yet."),
    "site.district.title": ("Kommundel {name}", "District {name}"),
    "site.district.activities": ("Aktiviteter i kommundelen", "Activities in the district"),
    "site.district.no_activities": ("Inga aktiviteter i underlaget är knutna till kommundelen.",
                                    "No activity in the record is tied to the district."),
    "site.about.title": ("Om underlaget", "About the record"),
    "site.about.intro": ("Allt på webbplatsen kommer ur de uppgifter som {parties} för i git. Här "
                         "står vad underlaget bygger på och vad det inte säger.",
                         "Everything on this site comes from the record that {parties} keep in git. "
                         "This page says what the record rests on and what it does not say."),
    "site.about.notes": ("Anmärkningar om underlaget", "Notes on the record"),
    "site.about.sources": ("Källor", "Sources"),
    "site.about.sources_caption": ("Källor som uppgifterna hänvisar till", "Sources the record cites"),
    "site.about.source_id": ("Beteckning", "Id"),
    "site.about.source_title": ("Titel", "Title"),
    "site.about.publisher": ("Utgivare", "Publisher"),
    "site.about.published": ("Publicerad", "Published"),
    "site.a11y.title": ("Tillgänglighetsredogörelse", "Accessibility statement"),
    "site.a11y.intro": ("{owner} står bakom den här webbplatsen. Vi vill att så många som möjligt ska "
                        "kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om "
                        "tillgänglighet till digital offentlig service, kända brister och hur du kan "
                        "rapportera problem.",
                        "{owner} stands behind this website. We want as many people as possible to be "
                        "able to use it. This statement describes how the site meets the Swedish law on "
                        "accessible digital public services, known problems and how to report them."),
    "site.a11y.status_title": ("Hur tillgänglig är webbplatsen?", "How accessible is the site?"),
    "site.a11y.status": ("Webbplatsen är skapad för att uppfylla WCAG 2.1 nivå AA. Sidorna har inga "
                         "skript och hämtar inget från andra webbplatser. De fungerar med tangentbord, "
                         "skärmläsare och förstoring och på mobiltelefoner.",
                         "The site is built to meet WCAG 2.1 level AA. The pages have no scripts and load "
                         "nothing from other sites. They work with a keyboard, screen readers and zoom, "
                         "and on mobile phones."),
    "site.a11y.known_title": ("Kända brister", "Known problems"),
    "site.a11y.known": ("Dokument som webbplatsen länkar till på andra webbplatser, till exempel "
                        "PDF-filer, omfattas inte av den här redogörelsen.",
                        "Documents on other sites that this site links to, such as PDF files, are not "
                        "covered by this statement."),
    "site.a11y.report_title": ("Rapportera brister", "Report a problem"),
    "site.a11y.report": ("Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll "
                         "i en annan form, kontakta oss:",
                         "If you find a problem not described here, or need content in another form, "
                         "contact us:"),
    "site.a11y.report_none": ("Underlaget anger ännu ingen adress för att rapportera brister.",
                              "The record does not yet give an address for reporting problems."),
    "site.a11y.supervision_title": ("Tillsyn", "Supervision"),
    "site.a11y.supervision": ("Myndigheten för digital förvaltning (Digg) ansvarar för tillsynen över "
                              "lagen om tillgänglighet till digital offentlig service. Om du inte är "
                              "nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg.",
                              "The Agency for Digital Government (Digg) supervises the law on accessible "
                              "digital public services. If you are not satisfied with how we handle "
                              "your report, you can contact Digg."),
    "site.a11y.digg": ("Digg om digital tillgänglighet för offentliga aktörer",
                       "Digg on digital accessibility for public bodies"),
    "site.a11y.tested_title": ("Hur vi testat webbplatsen", "How we tested the site"),
    "site.a11y.tested": ("Verktyget som bygger webbplatsen testas automatiskt: varje sida granskas "
                         "med axe mot WCAG 2.1 A och AA i en webbläsare som är 390 och 1 280 pixlar bred.",
                         "The tool that builds the site is tested automatically: every page is checked "
                         "with axe against WCAG 2.1 A and AA in a browser 390 and 1,280 pixels wide."),
    "site.open.title": ("Öppna data", "Open data"),
    "site.open.intro": ("Uppgifterna på webbplatsen finns också som öppna data: en CSV-fil per slags "
                        "uppgift (UTF-8, kommaseparerad) och allt i en JSON-fil. Kolumnerna beskrivs i "
                        "README-filen och metadata för Sveriges dataportal finns som DCAT-AP-SE.",
                        "The data on this site is also open data: one CSV file per kind of record "
                        "(UTF-8, comma-separated) and everything in one JSON file. The columns are "
                        "described in the README, and metadata for Sweden's data portal is in DCAT-AP-SE."),
    "site.open.files": ("Filerna", "The files"),
    "site.open.readme": ("Beskrivning av kolumnerna (README)", "Description of the columns (README)"),
    "site.open.dcat": ("Metadata (DCAT-AP-SE, JSON-LD)", "Metadata (DCAT-AP-SE, JSON-LD)"),
    "site.open.json": ("Alla uppgifter (JSON)", "All records (JSON)"),
    "site.open.license": ("Licens: {license}", "Licence: {license}"),
    "site.open.csv.pledges": ("Medborgarlöften (CSV)", "Citizen pledges (CSV)"),
    "site.open.csv.priority_areas": ("Prioriterade områden (CSV)", "Priority areas (CSV)"),
    "site.open.csv.activities": ("Aktiviteter (CSV)", "Activities (CSV)"),
    "site.open.csv.outcomes": ("Mål och utfall (CSV)", "Targets and outcomes (CSV)"),
    "site.open.csv.sources": ("Källor (CSV)", "Sources (CSV)"),
    "site.feed.title": ("Ändringar: {municipality}", "Changes: {municipality}"),
})


# Labels of the lägesbild and the law check (trygghet check law, report lagesbild, report council).
_LABELS.update({
    "report.kind.lagesbild": ("Lägesbild", "Situation picture (lägesbild)"),
    "report.kind.council": ("Rapport till fullmäktige", "Report to the council"),
    "report.kind_help.lagesbild": ("en lägesbild: indikatorer som diagram med tabell, problem och "
                                   "åtgärder, varje kommundel", "a lägesbild: indicators as charts "
                                   "with tables, problems and measures, every district"),
    "report.kind_help.council": ("rapport till kommunstyrelsen/fullmäktige för en period: "
                                 "lägesbild, vad som gjorts, mål och vad som återstår",
                                 "report to the executive board/council for a period: lägesbild, "
                                 "what was done, targets and what remains"),
    "lb.intro": ("Lägesbilden beskriver brottsligheten och tryggheten i kommunen: en kartläggning, "
                 "annan relevant information och en analys, och de problem som åtgärderna ska "
                 "ta sig an.", "The lägesbild describes crime and safety in the municipality: a "
                 "kartläggning, other relevant information and an analysis, and the problems the "
                 "measures are to address."),
    "lb.date": ("Datum", "Date"),
    "lb.compiled_by": ("Sammanställd av", "Compiled by"),
    "lb.occasion": ("Inför", "For"),
    "lb.not_known": ("anges inte", "not stated"),
    "lb.mapping": ("Kartläggning", "Kartläggning (mapping of crime)"),
    "lb.mapping_none": ("Kartläggningen finns inte i underlaget.",
                        "The record does not hold the kartläggning."),
    "lb.unit": ("Enhet", "Unit"),
    "lb.source": ("Källa", "Source"),
    "lb.better.lower": ("lägre är bättre", "lower is better"),
    "lb.better.higher": ("högre är bättre", "higher is better"),
    "lb.where": ("Var", "Where"),
    "lb.whole": ("Hela kommunen", "The whole municipality"),
    "lb.chart_desc": ("{name}, {where}, i {unit}: {values}.", "{name}, {where}, in {unit}: {values}."),
    "lb.goal": ("Mål: {value}", "Target: {value}"),
    "lb.targets": ("Mål", "Targets"),
    "lb.information": ("Annan relevant information", "Other relevant information"),
    "lb.information_none": ("Ingen annan information finns i underlaget.",
                            "The record holds no other information."),
    "lb.info.dialogue": ("Dialog", "Dialogue"),
    "lb.info.staff_dialogue": ("Medarbetardialog", "Staff dialogue"),
    "lb.info.survey": ("Undersökning", "Survey"),
    "lb.info.meeting": ("Möte", "Meeting"),
    "lb.info.statistics": ("Statistik", "Statistics"),
    "lb.info.other": ("Övrigt", "Other"),
    "lb.analysis": ("Analys", "Analysis"),
    "lb.analysis_none": ("Analysen finns inte i underlaget.", "The record does not hold the analysis."),
    "lb.problems": ("Problem", "Problems"),
    "lb.problems_none": ("Lägesbilden anger inga problem i underlaget.",
                         "The record names no problems for this lägesbild."),
    "lb.shown_by": ("Visas av", "Shown by"),
    "lb.measures": ("Åtgärder", "Measures"),
    "lb.no_measure_reason": ("Ingen åtgärd, eftersom", "No measure, because"),
    "lb.no_measure": ("Inget löfte och ingen aktivitet tar sig an problemet.",
                      "No pledge or activity addresses the problem."),
    "lb.districts": ("Kommundelarna", "The districts"),
    "lb.district_none": ("Lägesbilden säger inget särskilt om kommundelen.",
                         "The lägesbild says nothing in particular about the district."),
    "lb.district_problems": ("Problem här", "Problems here"),
    "council.title": ("Rapport till fullmäktige {span}", "Report to the council {span}"),
    "council.intro": ("Kommunstyrelsens rapport om det brottsförebyggande arbetet {span}: vad "
                      "lägesbilden visade, vad som gjorts, mål och indikatorer mot plan, vad som "
                      "ändrats i aktivitetslistan och varför, och vad som återstår.",
                      "The executive board's report on the crime-prevention work {span}: what the "
                      "lägesbild showed, what was done, targets and indicators against plan, what "
                      "changed in the activity list and why, and what remains."),
    "council.sets": ("Medborgarlöften under perioden", "Pledges in the period"),
    "council.situation": ("Vad lägesbilden visade", "What the lägesbild showed"),
    "council.situation_none": ("Ingen lägesbild finns i underlaget för perioden.",
                               "The record has no lägesbild for the period."),
    "council.indicators": ("Indikatorer i den senaste lägesbilden", "Indicators of the latest lägesbild"),
    "council.indicator": ("Indikator", "Indicator"),
    "council.before": ("Före", "Before"),
    "council.latest": ("Senast", "Latest"),
    "council.trend": ("Riktning", "Direction"),
    "council.trend.up": ("upp", "up"),
    "council.trend.down": ("ned", "down"),
    "council.trend.same": ("oförändrad", "unchanged"),
    "council.trend.single": ("ett värde", "one value"),
    "council.done": ("Vad som gjorts", "What was done"),
    "council.done_none": ("Ingen aktivitet är markerad som klar under perioden i underlaget.",
                          "The record marks no activity done in the period."),
    "council.targets": ("Mål och indikatorer mot plan", "Targets and indicators against plan"),
    "council.targets_none": ("Inga mål finns för perioden i underlaget.",
                             "The record has no targets for the period."),
    "council.changes": ("Ändringar i aktivitetslistan och varför",
                        "Changes to the activity list and why"),
    "council.changes_none": ("Underlaget visar inga ändringar i aktivitetslistan under perioden.",
                             "The record shows no changes to the activity list in the period."),
    "council.new": ("ny under perioden", "new in the period"),
    "council.carried": ("fortsätter från föregående period", "carried over from the period before"),
    "council.revised": ("{title} reviderades {date}.", "{title} was revised in {date}."),
    "council.remaining": ("Vad som återstår", "What remains"),
    "council.remaining_none": ("Inga aktiviteter återstår enligt underlaget.",
                               "No activities remain according to the record."),
    "council.due": ("slutdatum {date}", "due {date}"),
    "council.internal_note": ("intern anteckning", "internal note"),
    "council.open_problems": ("Problem i lägesbilden utan åtgärd",
                              "Problems of the lägesbild without a measure"),
    "council.law": ("Lagens krav enligt underlaget", "The law's requirements as the record shows"),
    "law.heading": ("{municipality}: lag (2023:196) om kommuners ansvar för brottsförebyggande "
                    "arbete", "{municipality}: lag (2023:196) on municipalities' responsibility for "
                    "crime prevention"),
    "law.basis": ("Per {date}. Bedömt enbart på det som står i data: uppfyllt, saknas eller inte "
                  "registrerat.", "As of {date}. Judged only on what the data records: met, "
                  "missing or not recorded."),
    "law.verdict.met": ("uppfyllt", "met"),
    "law.verdict.missing": ("saknas", "missing"),
    "law.verdict.not_recorded": ("inte registrerat", "not recorded"),
    "law.totals": ("Uppfyllt: {met} · Saknas: {missing} · Inte registrerat: {not_recorded}",
                   "Met: {met} · Missing: {missing} · Not recorded: {not_recorded}"),
    "law.evidence": ("Underlag", "Evidence"),
    "law.col.requirement": ("Krav och grund", "Requirement and basis"),
    "law.col.verdict": ("Bedömning", "Verdict"),
    "law.col.why": ("Varför", "Why"),
    "law.cites": ("Grund", "Basis"),
    "law.cite.3": ("3 § lag (2023:196): utifrån ett kunskapsbaserat underlag ta ställning till "
                   "behovet av brottsförebyggande åtgärder",
                   "3 § lag (2023:196): from a knowledge-based foundation, take a position on the "
                   "need for crime-prevention measures"),
    "law.cite.4": ("4 § lag (2023:196): en lägesbild med kartläggning av brottsligheten, annan "
                   "relevant information och en analys",
                   "4 § lag (2023:196): a lägesbild with a kartläggning of crime, other relevant "
                   "information and an analysis"),
    "law.cite.bill": ("prop. 2022/23:43 (paragrafen i lagen syns inte i källorna)",
                      "prop. 2022/23:43 (the law's paragraph is not seen in the sources)"),
    "law.interval": ("Intervallen ({situation} månader för lägesbilden, {council} för rapporten "
                     "till fullmäktige) står inte i den lagtext som källorna visar; de ställs in "
                     "under law: i trygghet.yaml.",
                     "The intervals ({situation} months for the lägesbild, {council} for the "
                     "report to the council) are not in the law text the sources show; set them "
                     "under law: in trygghet.yaml."),
    "law.situation": ("Aktuell lägesbild", "A current lägesbild"),
    "law.parts": ("Lägesbildens tre delar", "The lägesbild's three parts"),
    "law.measures": ("Åtgärder utifrån lägesbildens problem",
                     "Measures for the lägesbild's problems"),
    "law.plan": ("Beslutad åtgärdsplan som bygger på lägesbilden",
                 "A decided action plan built on the lägesbild"),
    "law.coordination": ("Samordningsfunktion", "Coordination function (samordningsfunktion)"),
    "law.agreement": ("Skriftlig samverkansöverenskommelse med polisen",
                      "A written cooperation agreement with the police"),
    "law.council": ("Rapport till kommunfullmäktige", "Report to the municipal council"),
    "law.part.mapping": ("kartläggning", "kartläggning (mapping)"),
    "law.part.information": ("annan relevant information", "other relevant information"),
    "law.part.analysis": ("analys", "analysis"),
    "law.situation.none": ("Ingen lägesbild finns i data (mappen situation/).",
                           "The data has no lägesbild (the situation/ folder)."),
    "law.situation.old": ("Den senaste lägesbilden i data, {id} ({date}), är äldre än {months} "
                          "månader.", "The latest lägesbild in the data, {id} ({date}), is older "
                          "than {months} months."),
    "law.situation.ok": ("{id} ({date}) är högst {months} månader gammal.",
                         "{id} ({date}) is at most {months} months old."),
    "law.parts.none": ("Det finns ingen lägesbild att granska.", "There is no lägesbild to look at."),
    "law.parts.absent": ("I {id} saknar data {absent}.", "In {id} the data lacks {absent}."),
    "law.parts.ok": ("{id} har kartläggning, annan relevant information och analys.",
                     "{id} has a kartläggning, other relevant information and an analysis."),
    "law.measures.none": ("Den senaste lägesbilden anger inga problem i data.",
                          "The latest lägesbild names no problems in the data."),
    "law.measures.open": ("Problem i {id} som inget löfte eller ingen aktivitet tar sig an, och "
                          "utan angivet skäl: {open}.", "Problems in {id} that no pledge or "
                          "activity addresses, with no reason given: {open}."),
    "law.measures.ok": ("Vart och ett av problemen i {id} ({count}) har en åtgärd eller ett "
                        "angivet skäl.", "Each of the problems in {id} ({count}) has a measure or "
                        "a stated reason."),
    "law.plan.none": ("Data har ingen överenskommelse och inga medborgarlöften.",
                      "The data has no agreement and no pledges."),
    "law.plan.none_in_force": ("Ingen överenskommelse och inga medborgarlöften gäller på datumet.",
                               "No agreement and no pledges are in force on the date."),
    "law.plan.no_decision": ("Gäller nu: {ids}. Inget beslut (organ, datum, paragraf, "
                             "diarienummer) är registrerat.", "In force: {ids}. No decision "
                             "(body, date, paragraph, diary number) is recorded."),
    "law.plan.not_built": ("Gäller nu: {ids}. Beslutet är registrerat, men inte vilken lägesbild "
                           "planen bygger på.", "In force: {ids}. The decision is recorded, but "
                           "not which lägesbild the plan builds on."),
    "law.plan.ok": ("{id}: beslutad av {body} {date}, {paragraph}, dnr {diary}; bygger på "
                    "{situation}.", "{id}: decided by {body} on {date}, {paragraph}, diary no. "
                    "{diary}; builds on {situation}."),
    "law.coordination.none": ("Ingen samordningsfunktion anges (coordination_function i "
                              "trygghet.yaml).", "No coordination function is named "
                              "(coordination_function in trygghet.yaml)."),
    "law.coordination.no_contact": ("{name}. Ingen offentlig kontaktväg anges (public_contact).",
                                    "{name}. No public contact is given (public_contact)."),
    "law.coordination.ok": ("{name}. Kontakt: {contact}.", "{name}. Contact: {contact}."),
    "law.agreement.none": ("Data har ingen undertecknad överenskommelse med polisen.",
                           "The data has no signed agreement with the police."),
    "law.agreement.ended": ("Den senaste överenskommelsen med polisen i data, {id} ({period}), "
                            "gäller inte längre.", "The latest agreement with the police in the "
                            "data, {id} ({period}), is no longer in force."),
    "law.agreement.ok": ("{id} ({period}), undertecknad {signed}.",
                         "{id} ({period}), signed {signed}."),
    "law.council.none": ("Ingen rapport till fullmäktige är registrerad (council_reports i "
                         "trygghet.yaml).", "No report to the council is recorded "
                         "(council_reports in trygghet.yaml)."),
    "law.council.old": ("Den senaste rapporten i data, till {body} {date}, är äldre än {months} "
                        "månader.", "The latest report in the data, to {body} on {date}, is older "
                        "than {months} months."),
    "law.council.ok": ("Rapport till {body} {date}, inom {months} månader.",
                       "Report to {body} on {date}, within {months} months."),
})


def label(key: str, lang: str, **values: object) -> str:
    """A label in the language, with {placeholders} filled in."""
    sv, en = _LABELS[key]
    text = sv if lang == "sv" else en
    return text.format(**values) if values else text


def join_list(items: list[str], lang: str) -> str:
    """Names as a sentence lists them: 'A', 'A och B', 'A, B och C' (English: 'A, B and C')."""
    if len(items) <= 1:
        return "".join(items)
    word = "och" if lang == "sv" else "and"
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def field_name(key: str, lang: str) -> str:
    """A data field's name in the language (Swedish names for sv, the key itself for en)."""
    return _FIELDS.get(key, key) if lang == "sv" else key.replace("_", " ")


def format_date(day: date, lang: str) -> str:
    """30 januari 2024 / 30 January 2024."""
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def format_short_date(day: date, lang: str) -> str:
    """30 jan 2024 / 30 Jan 2024: for narrow table columns."""
    return f"{day.day} {_MONTHS[lang][day.month - 1][:3]} {day.year}"


def format_number(value: float, lang: str, decimals: int = 1) -> str:
    """20, 1,5 (sv) / 1.5 (en): whole numbers without decimals."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "sv" else text


def format_percent(share: float, lang: str) -> str:
    """86 % (sv) / 86% (en)."""
    number = round(share * 100)
    return f"{number} %" if lang == "sv" else f"{number}%"


def format_partial(text: str, lang: str) -> str:
    """A partial date (YYYY, YYYY-MM, YYYY-MM-DD) in words."""
    parts = text.split("-")
    if len(parts) == 3:
        return format_date(date.fromisoformat(text), lang)
    if len(parts) == 2:
        return f"{_MONTHS[lang][int(parts[1]) - 1]} {parts[0]}"
    return parts[0]
