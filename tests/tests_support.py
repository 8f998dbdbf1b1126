"""Test doubles importable by Hydra `_target_` paths."""


class InterruptingClassifier:
    """Behaves like a user pressing Ctrl-C during fit."""

    def fit(self, texts, labels):
        raise KeyboardInterrupt
