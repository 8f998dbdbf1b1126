"""Annotator's tool: fill the character offsets of every quote in article annotation files.

    python scripts/locate_quotes.py data/corpus/articles/fr-001.json [...]
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from quotestance.corpus import CorpusError, LabelSets, check_annotation, locate_quotes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
labels = LabelSets.load(ROOT / "conf/tasks/default.yaml", ROOT / "src/quotestance/resources/countries.csv")

status = 0
for name in sys.argv[1:]:
    path = Path(name)
    ann = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    try:
        ann["statements"] = locate_quotes(text, ann["statements"])
    except CorpusError as err:
        print(f"{path}: {err}", file=sys.stderr)
        status = 1
        continue
    problems = check_annotation(ann, text, labels)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    status = status or int(bool(problems))
    path.write_text(json.dumps(ann, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{path}: {len(ann['statements'])} quotes located, {len(problems)} problems")
sys.exit(status)
