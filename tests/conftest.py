"""Shared fixtures: a tiny corpus written on the fly and an isolated MLflow store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hydra import compose, initialize_config_dir

from quotestance.langid import detect_lang

# Nothing may come from a model hub during the tests (set before transformers is imported).
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

REPO = Path(__file__).resolve().parents[1]


def run_script(name: str, *args: str) -> subprocess.CompletedProcess:
    """scripts/<name> in a child process, offline, with the package on its path; MLFLOW_* set by
    earlier tests in this process (the active experiment) do not leak in."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("MLFLOW_")},
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([sys.executable, str(REPO / "scripts" / name), *args],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=600)

# (text, country, stance, sentiment): short invented statements, enough for every label to appear
# in every split of the tiny corpus.
STATEMENTS = [
    ("Nous sommes prêts à reprendre le dialogue sans délai.", "FR", "cooperative", "positive"),
    ("Ces accusations sont totalement infondées.", "RU", "conflictual", "negative"),
    ("La réunion se tiendra mardi à Bruxelles.", "EU", "neutral", "neutral"),
    ("We welcome this agreement and thank our partners.", "US", "cooperative", "positive"),
    ("Any incursion will meet a firm and painful response.", "RU", "conflictual", "negative"),
    ("Talks will continue at expert level next week.", "US", "neutral", "neutral"),
    ("Nous saluons la coopération exemplaire de nos voisins.", "FR", "cooperative", "positive"),
    ("Cette décision est inacceptable et dangereuse.", "RU", "conflictual", "negative"),
    ("Le sommet aura lieu en juin.", "EU", "neutral", "neutral"),
    ("We are grateful for the help offered by our allies.", "US", "cooperative", "positive"),
    ("These sanctions are an act of economic aggression.", "RU", "conflictual", "negative"),
    ("The committee meets every quarter in Geneva.", "EU", "neutral", "neutral"),
]


def write_corpus(root: Path, statements=STATEMENTS, copies: int = 2) -> Path:
    """Articles of three statements each; `copies` articles per split so each label appears."""
    articles = root / "articles"
    articles.mkdir(parents=True)
    split_rows = ["article_id,split"]
    n = 0
    for split in ("train", "dev", "test"):
        for _copy in range(copies if split != "train" else copies * 2):
            for group in range(0, len(statements), 3):
                n += 1
                aid = f"t{n:03d}"
                chunk = statements[group:group + 3]
                lang = detect_lang(chunk[0][0])
                text, anns = f"Article {aid}\n\n", []
                for i, (quote, country, stance, sentiment) in enumerate(chunk):
                    text += f"Le porte-parole {i} a déclaré : « "
                    anns.append({"id": f"q{i + 1:02d}", "quote": quote, "start": len(text),
                                 "end": len(text) + len(quote), "is_statement": True,
                                 "speaker": f"le porte-parole {i}", "speaker_canonical": f"Porte Parole {i}",
                                 "country": country, "stance": stance, "sentiment": sentiment,
                                 "target": None, "cases": ["guillemets_plain", "speaker_before"]})
                    text += f"{quote} ».\n\n"
                (articles / f"{aid}.txt").write_text(text, encoding="utf-8")
                (articles / f"{aid}.json").write_text(json.dumps(
                    {"id": aid, "lang": lang, "topic": "security", "outlet_style": "test",
                     "statements": anns}, ensure_ascii=False), encoding="utf-8")
                split_rows.append(f"{aid},{split}")
    (root / "splits.csv").write_text("\n".join(split_rows) + "\n", encoding="utf-8")
    return root


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


def make_cfg(corpus: Path, store: Path, overrides: list[str] = ()):
    """The real root config, pointed at a temporary corpus and MLflow store."""
    with initialize_config_dir(config_dir=str(REPO / "conf"), version_base="1.3"):
        return compose("train", overrides=[
            f"data.corpus_dir={corpus}",
            f"tracking.tracking_uri=sqlite:///{store}/mlflow.db",
            f"tracking.artifact_location={store}/artifacts",
            *overrides,
        ])


@pytest.fixture(scope="session")
def trained_store(tmp_path_factory) -> Path:
    """One training run on the tiny corpus, shared by the CLI tests (training takes seconds)."""
    from quotestance.train import train

    root = tmp_path_factory.mktemp("trained")
    corpus = write_corpus(root / "corpus")
    train(make_cfg(corpus, root / "store"))
    return root / "store"
