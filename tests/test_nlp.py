"""Block splitting and sentence offsets, with the real spaCy pipeline."""

from __future__ import annotations

from factions.nlp import is_hard_wrapped, load_nlp, parse_documents, split_blocks
from factions.pipeline import Pipeline, split_sentences
from factions.records import Document

WIRE = (
    "Rebels Take Town\n\n"
    "Sudan Army RSF Khartoum\n"
    "Fighters stand near a truck in Khartoum, April 20, 2023. Reuters/Staff\n\n"
    "The army said on Tuesday it had retaken the bridge. The RSF denied it.\n"
)


def test_blocks_break_at_blank_lines_and_lines_and_keep_offsets():
    blocks = split_blocks(WIRE)
    assert [b[2] for b in blocks] == [
        "Rebels Take Town",
        "Sudan Army RSF Khartoum",
        "Fighters stand near a truck in Khartoum, April 20, 2023. Reuters/Staff",
        "The army said on Tuesday it had retaken the bridge. The RSF denied it.",
    ]
    assert [b[1] for b in blocks] == [0, 1, 1, 2], "paragraph numbers"
    for offset, _paragraph, text in blocks:
        assert WIRE[offset : offset + len(text)] == text


def test_hard_wrapped_text_keeps_lines_together():
    line = "The delegations met in Geneva for a third round of talks on the"
    wrapped = "\n".join([line] * 8)
    assert is_hard_wrapped(wrapped)
    assert len(split_blocks(wrapped)) == 1
    assert not is_hard_wrapped(WIRE)


def test_sentences_point_into_the_document_text():
    doc = Document(text=WIRE, source="t")
    [parsed] = list(parse_documents(load_nlp(), [doc]))
    sentences = split_sentences(doc.doc_id, parsed.blocks)
    texts = [s.text for s in sentences]
    assert texts[0] == "Rebels Take Town"
    assert "The army said on Tuesday it had retaken the bridge." in texts
    assert "The RSF denied it." in texts
    for s in sentences:
        assert WIRE[s.start : s.end] == s.text


def test_pipeline_keeps_order_and_empty_documents():
    docs = [
        Document(text=t, source=str(i))
        for i, t in enumerate(
            ["Chad closed its border.", "Mali and Niger signed a pact.\n\nIt was hailed.", "Ok."]
        )
    ]
    out = list(Pipeline(batch_size=2).process(docs))
    assert [p.document.source for p in out] == ["0", "1", "2"]
    assert [len(p.sentences) for p in out] == [1, 2, 1]
    resolved = {m.text: m.actor_id for p in out for m in p.mentions}
    assert {"Chad": "TCD", "Mali": "MLI", "Niger": "NER"}.items() <= resolved.items()


def test_a_wire_dateline_is_a_block_of_its_own():
    text = "TRIPOLI/MISRATA, May 14 (Reuters) - Militiamen stormed a ministry building."
    blocks = split_blocks(text)
    assert [b[2] for b in blocks] == [
        "TRIPOLI/MISRATA, May 14 (Reuters) -",
        "Militiamen stormed a ministry building.",
    ]
    assert text[blocks[1][0] :].startswith("Militiamen")
    ordinary = "The U.S. (and its allies) - as ever - disagreed."
    assert len(split_blocks(ordinary)) == 1


def test_a_known_persons_hyphenated_given_name_stays_one_word():
    nlp = load_nlp()
    doc = nlp("Moon Jae-in agreed, and Kenya-led forces moved in.")
    words = [t.text for t in doc]
    assert "Jae-in" in words
    assert "Kenya-led" not in words, "other hyphenated words still split"
    assert doc[1].dep_ == "nsubj" or doc[1].head.lemma_ == "agree"
