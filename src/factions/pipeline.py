"""The pipeline: documents in, processed documents (sentences, mentions, actors, events) out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from factions.actors import KnowledgeBase, KnowledgeBaseResolver
from factions.events import RuleEventCoder
from factions.nlp import Block, ParsedDocument, load_nlp, parse_documents
from factions.records import Document, ProcessedDocument, Sentence
from factions.ty import ActorResolver, EventCoder

if TYPE_CHECKING:
    from spacy.language import Language


class Pipeline:
    """Parse once, then resolve actors and code events from that one parse.

    The spaCy model is loaded on first use, not when the Pipeline is built, so building one is
    cheap anywhere (a CLI that only prints help, a Dask client that ships work elsewhere).
    """

    def __init__(
        self,
        nlp: Language | None = None,
        resolver: ActorResolver | None = None,
        coder: EventCoder | None = None,
        batch_size: int = 64,
        kb: KnowledgeBase | None = None,
    ) -> None:
        self._nlp = nlp
        self.resolver: ActorResolver = resolver or KnowledgeBaseResolver(kb, nlp)
        self.coder: EventCoder = coder or RuleEventCoder()
        self.batch_size = batch_size

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    def process(self, documents: Iterable[Document]) -> Iterator[ProcessedDocument]:
        """Lazily process documents in order."""
        for parsed in parse_documents(self.nlp, documents, self.batch_size):
            yield self.analyse(parsed)

    def process_one(self, document: Document) -> ProcessedDocument:
        return next(self.process([document]))

    def analyse(self, parsed: ParsedDocument) -> ProcessedDocument:
        document = parsed.document
        sentences = split_sentences(document.doc_id, parsed.blocks)
        mentions, actors = self.resolver.resolve(document, parsed.blocks, sentences)
        events = self.coder.code(document, parsed.blocks, sentences, mentions, actors)
        return ProcessedDocument(
            document=document,
            sentences=tuple(sentences),
            mentions=tuple(mentions),
            actors=tuple(actors),
            events=tuple(events),
        )


def split_sentences(doc_id: str, blocks: Iterable[Block]) -> list[Sentence]:
    """Sentences with offsets into the document text, whitespace trimmed."""
    sentences: list[Sentence] = []
    for block in blocks:
        for sent in block.doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            start = block.offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            sentences.append(
                Sentence(doc_id, len(sentences), start, start + len(text), text, block.paragraph)
            )
    return sentences
