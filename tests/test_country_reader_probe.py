"""scripts/country_reader_probe.py: the text a candidate is read in, and an end-to-end run on tiny
weights and a tiny corpus (a smoke test: the figures are measured by running it on the real corpus)."""

from __future__ import annotations

import importlib.util

from conftest import REPO, run_script, write_corpus
from tiny_models import write_tiny_bert

from quotestance.article.evaluate import corpus_gold

_spec = importlib.util.spec_from_file_location("country_reader_probe", REPO / "scripts" / "country_reader_probe.py")
probe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(probe)


def test_marked_text_wraps_the_candidate_and_the_speaker_in_the_pieces_read():
    text = "Riga talks\n\nLatvia's envoy, Anna Berzina, met her Estonian colleague. Berzina said it went well."
    latvia = (text.index("Latvia"), text.index("Latvia") + len("Latvia"))
    estonian = (text.index("Estonian"), text.index("Estonian") + len("Estonian"))
    second = text.index("Berzina said")
    out = probe.marked_text(text, [(0, 10), (12, second - 1), (12, 30)], [latvia], "Berzina")
    # overlapping spans merge; only the candidate's mention is wrapped, not the other country's
    assert out == "Riga talks ... { Latvia }'s envoy, Anna | Berzina |, met her Estonian colleague."
    assert probe.marked_text(text, [(12, len(text))], [estonian], None).count("{ Estonian }") == 1


def test_probe_runs_end_to_end_on_tiny_weights(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    weights = write_tiny_bert(tmp_path / "tiny-bert")
    proc = run_script("country_reader_probe.py", "--pretrained", str(weights), "--corpus", str(corpus),
                      "--epochs", "1", "--max-length", "32")
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = {line.split()[0]: line.split() for line in proc.stdout.splitlines() if line.strip()}
    dev_statements = len(corpus_gold(corpus, "dev")[1])
    assert "epoch" in lines and lines["all"][1] == str(dev_statements)    # every dev statement is matched
    assert all(0.0 <= float(v) <= 1.0 for v in lines["all"][2:])
