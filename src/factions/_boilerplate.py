"""What a block of an article is: news text, a photo caption, a credit line, a byline or a tag line.

Scraped and exported articles carry furniture that is not news: "Reporting by …; Editing by …",
"REUTERS/Khalil Ashawi", "By Jane Doe", "Topics: Syria, Russia", "Our Standards: …". Coded as
news, a credit line turns a photographer into an actor and a caption repeats (or invents) an
event with the wrong date. Credits, bylines and tag lines are never coded; a caption may describe
a real event, so its events are kept but flagged ``caption`` and left out of counts by default.

The tests are on the block's own text, with patterns compiled once: a block is short, and this
runs on every block of millions of articles.
"""

from __future__ import annotations

import re

TEXT = "text"
CAPTION = "caption"
CREDIT = "credit"
BYLINE = "byline"
TAGLINE = "tagline"
DATELINE = "dateline"
"""A wire dateline ("BOGOTA, Jan 18 (AFP) -"), split off the lead by the parser's blocks."""
KINDS = (TEXT, CAPTION, CREDIT, BYLINE, TAGLINE, DATELINE)
#: Kinds whose blocks name no actor and code no event.
FURNITURE = frozenset({CREDIT, BYLINE, TAGLINE, DATELINE})

_AGENCIES = (
    r"(?:REUTERS|Reuters|AFP|AP|Getty Images|EPA|EPA-EFE|ANADOLU|Anadolu|Xinhua|SANA|dpa|UPI)"
)
_CAPTION_LEAD = re.compile(
    r"^\s*(?:FILE\s+PHOTO|PHOTO|Photo|File photo|Picture|PICTURE|Image|IMAGE|Caption|Pictured|"
    r"Video|VIDEO|Above|Top|Main image|In pictures|Photograph)\s*[:\-–—|]\s*\S",
)
#: "REUTERS/Khalil Ashawi", "(AP Photo/Hussein Malla)", "AFP via Getty Images", "Photo: AFP".
_PHOTO_CREDIT = re.compile(
    rf"(?:\b{_AGENCIES}\s*/\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,3}}"
    rf"|\b(?:AP|AFP|EPA) Photo\s*/\s*[A-Z]"
    rf"|\bvia Getty Images\b"
    rf"|\b(?:Photo|Picture|Image)\s*(?:by|:|credit:?)\s*[A-Z])"
)
_CREDIT = re.compile(
    r"^\s*\(?\s*(?:(?:Additional\s+)?[Rr]eporting\s+by|[Ww]riting\s+by|[Ee]diting\s+by|"
    r"[Cc]ompiled\s+by|[Ee]dited\s+by|[Tt]ranslated\s+by|Our Standards\s*:|"
    r"Copyright\b|©|\(c\)\s*\d{4}|All rights reserved|Sign up\b|Subscribe\b|"
    r"Read more\s*:|Related\s*:|Follow (?:us|@)|Click here\b|Contact\s*:|Source\s*:)"
)
_TAGLINE = re.compile(
    r"^\s*(?:(?:Topics|Tags|Filed under|Keywords|Categories|More on)\s*:"
    r"|(?:Share this(?: article)?|Advertisement|ADVERTISEMENT|Share|Tweet|Email|Print)\s*$)"
)
_NAME = r"[A-Z][\w.'-]+(?:\s+(?:van|von|de|al-|bin|el-)?[A-Z][\w.'-]+){0,3}"
_BYLINE = re.compile(rf"^\s*By\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*\s*(?:[,|-]\s*[\w ]+)?\s*$")
#: A line that is nothing but a photo credit: "Reuters/Khalil Ashawi".
_BARE_CREDIT = re.compile(rf"^\s*\(?\s*{_AGENCIES}\s*/\s*{_NAME}\s*\)?\s*$")


def block_kind(text: str) -> str:
    """The kind of one block of article text (one of ``KINDS``)."""
    stripped = text.strip()
    if not stripped:
        return TEXT
    if _BARE_CREDIT.match(stripped) or _CREDIT.match(stripped):
        return CREDIT
    if len(stripped) <= 120 and _BYLINE.match(stripped):
        return BYLINE
    if len(stripped) <= 200 and _TAGLINE.match(stripped):
        return TAGLINE
    if _CAPTION_LEAD.match(stripped):
        return CAPTION
    if len(stripped) <= 400 and _PHOTO_CREDIT.search(stripped):
        return CAPTION
    return TEXT
