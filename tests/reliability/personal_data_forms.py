"""Personal data in the spellings people type, and look-alikes that are not personal data.

The table every publishing path runs through: validate, every report kind, every export
(and the citizen site). API:

- `FORMS`: every `Form`; `CAUGHT` the ones that must be found, `CONTROLS` the ones that
  must not (dates, periods, times, org numbers, amounts, urls, English 'at').
- `Form.text`: a sentence holding the form, for a public field.
- `assert_not_leaked(output, form)`: the form's personal part appears nowhere in output,
  neither as written nor folded (fullwidth digits, other dashes, invisible characters).
- `Form.masked`: the one masked form every message shows (`811228-****`).

All numbers are synthetic (RELIABILITY C11): 811228-9874 has a valid check digit but is
no one's; the phone numbers are in the range kept for fiction (070-123 45 67 style).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PNR_MASK, PHONE_MASK, EMAIL_MASK = "811228-****", "07********", "k***@example.se"


@dataclass(frozen=True, slots=True)
class Form:
    """One spelling: its name, the text as typed, the part that must never be shown, the code
    validate gives it (None for a control) and the masked form messages show."""

    name: str
    piece: str
    secret: str = ""
    code: str | None = None
    masked: str | None = None

    @property
    def text(self) -> str:
        return f"Kontakt {self.piece} i ärendet"

    @property
    def caught(self) -> bool:
        return self.code is not None


def _pnr(name: str, piece: str, secret: str = "9874") -> Form:
    return Form(name, piece, secret, "TRY504", PNR_MASK)


def _phone(name: str, piece: str, secret: str) -> Form:
    return Form(name, piece, secret, "TRY506", PHONE_MASK)


def _email(name: str, piece: str, secret: str = "varnqvist") -> Form:
    return Form(name, piece, secret, "TRY505", EMAIL_MASK)


def _control(name: str, piece: str) -> Form:
    return Form(name, piece)


FORMS: tuple[Form, ...] = (
    _pnr("pnr-hyphen", "811228-9874"),
    _pnr("pnr-en-dash", "811228\u20139874"),
    _pnr("pnr-em-dash", "811228\u20149874"),
    _pnr("pnr-minus-sign", "811228\u22129874"),
    _pnr("pnr-spaced-dash", "811228 - 9874"),
    _pnr("pnr-slash", "811228/9874"),
    _pnr("pnr-dot", "811228.9874"),
    _pnr("pnr-grouped", "81 12 28-98 74", "98 74"),
    _pnr("pnr-non-breaking-hyphen", "811228\u20119874"),
    _pnr("pnr-zero-width-space", "811228\u200b-9874"),
    _pnr("pnr-soft-hyphen", "811228\u00ad-9874"),
    _pnr("pnr-word-joiner", "8112\u206028-9874"),
    _pnr("pnr-no-break-space", "811228\u00a09874"),
    _pnr("pnr-narrow-no-break-space", "811228\u202f9874"),
    _pnr("pnr-plus", "811228+9874"),
    _pnr("pnr-12-digits", "198112289874"),
    _pnr("pnr-12-digits-hyphen", "19811228-9874"),
    _pnr("pnr-fullwidth", "\uff18\uff11\uff11\uff12\uff12\uff18\uff0d\uff19\uff18\uff17\uff14",
         "\uff19\uff18\uff17\uff14"),
    _pnr("pnr-wrong-check-digit", "811228-9875", "9875"),
    Form("samordningsnummer", "701063-2391", "2391", "TRY504", "701063-****"),
    _phone("mobile", "070-123 45 67", "123 45 67"),
    _phone("mobile-en-dash", "070\u2013123 45 67", "123 45 67"),
    _phone("mobile-dots", "070.123.45.67", "123.45.67"),
    _phone("mobile-parentheses", "(070) 123 45 67", "123 45 67"),
    _phone("mobile-slash", "070/1234567", "1234567"),
    _phone("mobile-fullwidth", "\uff10\uff17\uff10-\uff11\uff12\uff13 \uff14\uff15 \uff16\uff17",
           "\uff11\uff12\uff13 \uff14\uff15 \uff16\uff17"),
    _phone("mobile-no-break-spaces", "070\u00a0123\u00a045\u00a067", "123\u00a045\u00a067"),
    _phone("mobile-international", "+46 70 123 45 67", "123 45 67"),
    _phone("mobile-international-00", "0046 70 123 45 67", "123 45 67"),
    _phone("mobile-international-zero", "+46 (0)70-123 45 67", "123 45 67"),
    Form("landline", "08-123 456 78", "123 456 78", "TRY506", "08********"),
    _email("email", "kvarnqvist@example.se"),
    _email("email-fullwidth-at", "kvarnqvist\uff20example.se"),
    _email("email-spaced-at", "kvarnqvist @ example.se"),
    _email("email-spelled-out", "kvarnqvist at example dot se"),
    Form("email-spelled-dots", "anna dot kvarnqvist at example dot se", "nna dot kvarnqvist",
         "TRY505", "a***@example.se"),
    _email("email-snabel-a", "kvarnqvist snabel-a example.se"),
    _email("email-bracketed-at", "kvarnqvist (at) example.se"),
    _email("email-square-at", "kvarnqvist[at]example.se"),
    _email("email-snabel-a-punkt", "kvarnqvist (snabel-a) example punkt se"),
    _email("email-zero-width-space", "kvarn\u200bqvist@example.se", "varn\u200bqvist"),
    _control("iso-date", "2024-01-15"),
    _control("period", "2023\u20132026"),
    _control("opening-hours", "kl. 08.00\u201317.00"),
    _control("dotted-date", "01.02.2024"),
    _control("org-number", "212000-0316"),
    _control("municipality-code", "kommunkod 0486, 39 274 inv\u00e5nare"),
    _control("list-of-numbers", "10 12 14 16 18"),
    _control("ten-digits-wrong-check", "8112289875"),
    _control("impossible-month", "811328-9874"),
    _control("postcode", "645 80 Str\u00e4ngn\u00e4s"),
    _control("amount", "1 200 deltagare och 12.5 procent"),
    _control("case-number", "Dnr KS/2024:123"),
    _control("url-path", "polisen.se/om-polisen"),
    _control("english-at", "L\u00e4s mer at polisen.se"),
    _control("agenda-points", "punkt 4 och punkt 5"),
)
CAUGHT = tuple(f for f in FORMS if f.caught)
CONTROLS = tuple(f for f in FORMS if not f.caught)


def _variants(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKC", text)
    plain = "".join(c for c in folded if unicodedata.category(c) != "Cf")
    return {text, folded, plain}


def assert_not_leaked(output: str, form: Form) -> None:
    """Neither the form as typed nor its secret part (also folded) appears in output."""
    for shown in _variants(form.piece) | _variants(form.secret):
        assert shown not in output, f"{form.name}: {shown!r} shown in:\n{output}"


def ids(form: Form) -> str:
    return form.name
