
from conftest import REPO
from hydra import compose, initialize_config_dir
from hydra.utils import instantiate


def _compose(overrides=(), return_hydra_config=False):
    with initialize_config_dir(config_dir=str(REPO / "conf"), version_base="1.3"):
        return compose("train", overrides=list(overrides), return_hydra_config=return_hydra_config)


def test_default_config_composes_every_group():
    cfg = _compose()
    assert cfg.model.name == "tfidf_logreg"
    assert cfg.data.corpus_dir == "data/corpus"
    assert list(cfg.tasks) == ["stance", "sentiment", "country"]
    assert list(cfg.tasks.stance.labels) == ["cooperative", "conflictual", "neutral"]
    assert cfg.tracking.registered_model_name == "quotestance"


def test_experiment_preset_switches_model():
    cfg = _compose(["experiment=svm"])
    assert cfg.model.name == "tfidf_svm"
    estimator = instantiate(cfg.model.estimator, _convert_="all")
    assert type(estimator.steps[-1][1]).__name__ == "CalibratedClassifierCV"


def test_baseline_estimator_is_a_word_and_char_tfidf_pipeline():
    estimator = instantiate(_compose().model.estimator, _convert_="all")
    union = estimator.steps[0][1]
    analyzers = {name: t.analyzer for name, t in union.transformer_list}
    assert analyzers == {"word": "word", "char": "char_wb"}
    assert union.transformer_list[1][1].ngram_range == (2, 5)


def test_sweep_preset_runs_every_family_over_three_seeds_under_a_parent_run():
    cfg = _compose(["experiment=sweep"], return_hydra_config=True)
    params = cfg.hydra.sweeper.params
    assert params.model.split(",") == ["tfidf_logreg", "tfidf_svm", "embeddings_logreg", "spacy_vectors",
                                      "combined_logreg", "lexicon", "transformer"]
    assert params.seed.split(",") == ["1", "2", "3"]
    assert cfg.hydra.callbacks.parent_run._target_ == "quotestance.tracking.SweepParentRun"


def test_tracking_uri_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "sqlite:////tmp/elsewhere.db")
    assert _compose().tracking.tracking_uri == "sqlite:////tmp/elsewhere.db"
    monkeypatch.delenv("MLFLOW_TRACKING_URI")
    assert _compose().tracking.tracking_uri == "sqlite:///experiments/mlflow.db"


def test_every_resource_file_ships_in_the_package():
    """A non-editable install (a wheel, a model served elsewhere) carries only the package data that
    pyproject.toml lists: every lexicon of article mode must match one of its patterns."""
    import fnmatch
    import tomllib

    patterns = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["quotestance"]
    package = REPO / "src" / "quotestance"
    data = [p.relative_to(package).as_posix() for p in (package / "resources").iterdir() if p.suffix != ".py"]
    assert data and all(any(fnmatch.fnmatch(name, pattern) for pattern in patterns) for name in data)
