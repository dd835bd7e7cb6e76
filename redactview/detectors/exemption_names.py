"""The usual names of the exemptions redactview recognises, keyed by canonical code.

Codes are canonical as `exemptions.py` writes them: `s.43(2)`, `reg.12(4)(d)`, `FOISA s.38(1)(b)`,
`(b)(7)(C)`. A code not in the table takes the name of its nearest parent (`s.31(1)(a)` → `s.31`).
"""

from __future__ import annotations

FOIA = "FOIA"
EIR = "EIR"
FOISA = "FOISA"
US_FOIA = "US FOIA"

UK_FOIA_NAMES: dict[str, str] = {
    "s.21": "Information accessible by other means",
    "s.22": "Information intended for future publication",
    "s.22A": "Research information",
    "s.23": "Information from or about security bodies",
    "s.24": "National security",
    "s.25": "Certificates for national security (supplementary)",
    "s.26": "Defence",
    "s.27": "International relations",
    "s.28": "Relations within the United Kingdom",
    "s.29": "The economy",
    "s.30": "Investigations and proceedings",
    "s.31": "Law enforcement",
    "s.32": "Court records",
    "s.33": "Audit functions",
    "s.34": "Parliamentary privilege",
    "s.35": "Formulation of government policy",
    "s.36": "Prejudice to the effective conduct of public affairs",
    "s.37": "Communications with the Royal Family and honours",
    "s.38": "Health and safety",
    "s.39": "Environmental information",
    "s.40": "Personal information",
    "s.40(1)": "Personal information (the requester's own)",
    "s.41": "Information provided in confidence",
    "s.42": "Legal professional privilege",
    "s.43": "Commercial interests",
    "s.43(1)": "Trade secrets",
    "s.44": "Prohibitions on disclosure",
}

EIR_NAMES: dict[str, str] = {
    "reg.12(4)(a)": "Information not held",
    "reg.12(4)(b)": "Manifestly unreasonable request",
    "reg.12(4)(c)": "Request too general",
    "reg.12(4)(d)": "Unfinished documents and incomplete data",
    "reg.12(4)(e)": "Internal communications",
    "reg.12(5)(a)": "International relations, defence, national security or public safety",
    "reg.12(5)(b)": "Course of justice",
    "reg.12(5)(c)": "Intellectual property rights",
    "reg.12(5)(d)": "Confidentiality of proceedings",
    "reg.12(5)(e)": "Confidentiality of commercial or industrial information",
    "reg.12(5)(f)": "Interests of the person who supplied the information",
    "reg.12(5)(g)": "Protection of the environment",
    "reg.12": "Exceptions to the duty to disclose",
    "reg.13": "Personal data",
}

FOISA_NAMES: dict[str, str] = {
    "FOISA s.25": "Information otherwise accessible",
    "FOISA s.26": "Prohibitions on disclosure",
    "FOISA s.27": "Information intended for future publication",
    "FOISA s.28": "Relations within the United Kingdom",
    "FOISA s.29": "Formulation of Scottish Administration policy",
    "FOISA s.30": "Prejudice to the effective conduct of public affairs",
    "FOISA s.31": "National security and defence",
    "FOISA s.32": "International relations",
    "FOISA s.33": "Commercial interests and the economy",
    "FOISA s.34": "Investigations and proceedings",
    "FOISA s.35": "Law enforcement",
    "FOISA s.36": "Confidentiality",
    "FOISA s.37": "Court records",
    "FOISA s.38": "Personal information",
    "FOISA s.39": "Health, safety and the environment",
    "FOISA s.40": "Audit functions",
    "FOISA s.41": "Communications with the Royal Family and honours",
}

US_FOIA_NAMES: dict[str, str] = {
    "(b)(1)": "Classified national security information",
    "(b)(2)": "Internal personnel rules and practices",
    "(b)(3)": "Withheld under another statute",
    "(b)(4)": "Trade secrets and confidential commercial information",
    "(b)(5)": "Privileged inter- or intra-agency communications",
    "(b)(6)": "Personal privacy",
    "(b)(7)": "Law enforcement records",
    "(b)(7)(A)": "Interference with enforcement proceedings",
    "(b)(7)(B)": "Right to a fair trial",
    "(b)(7)(C)": "Personal privacy in law enforcement records",
    "(b)(7)(D)": "Confidential sources",
    "(b)(7)(E)": "Law enforcement techniques and procedures",
    "(b)(7)(F)": "Danger to life or physical safety",
    "(b)(8)": "Financial institution supervision",
    "(b)(9)": "Geological and geophysical information about wells",
}

_TABLES = {FOIA: UK_FOIA_NAMES, EIR: EIR_NAMES, FOISA: FOISA_NAMES, US_FOIA: US_FOIA_NAMES}

# Sections that are exemptions in each UK act; other section numbers (s.12 cost limit, s.17
# refusal notices) are procedure, not exemptions.
FOIA_SECTIONS = frozenset(
    {str(n) for n in range(21, 45)} | {"22A"},
)
FOISA_SECTIONS = frozenset(str(n) for n in range(25, 42))


def exemption_name(code: str, regime: str) -> str:
    """The usual name of a canonical code, falling back to its parent's name, or ""."""
    table = _TABLES.get(regime, {})
    key = code
    while key:
        if key in table:
            return table[key]
        cut = key.rfind("(")
        if cut <= 0 or (key.startswith("(b)") and cut <= 3):
            break
        key = key[:cut]
    return ""
