import pytest

from quotestance.evaluation import TaskEvaluation


def test_ece_is_zero_when_confidence_matches_accuracy():
    ev = TaskEvaluation("stance", "dev", ["a", "b"], ["a", "a", "b", "b"], ["a", "b", "b", "a"],
                        [0.5, 0.5, 0.5, 0.5])
    assert ev.ece() == pytest.approx(0.0)


def test_ece_of_an_overconfident_model():
    # always 90 % sure, right half the time: ECE = |0.9 - 0.5|
    ev = TaskEvaluation("stance", "dev", ["a", "b"], ["a", "a", "b", "b"], ["a", "b", "b", "a"],
                        [0.9, 0.9, 0.9, 0.9])
    assert ev.ece() == pytest.approx(0.4)
    assert ev.metrics()["stance/dev/ece"] == pytest.approx(0.4)


def test_ece_weights_bins_by_count():
    ev = TaskEvaluation("s", "dev", ["a", "b"], ["a", "a", "a", "b"], ["a", "a", "a", "a"],
                        [0.95, 0.95, 0.95, 0.35])
    # bin (0.9,1]: conf .95, acc 1 → gap .05 ×3 ; bin (0.3,0.4]: conf .35, acc 0 → gap .35 ×1
    assert ev.ece() == pytest.approx((3 * 0.05 + 0.35) / 4)


def test_reliability_figure_draws():
    ev = TaskEvaluation("s", "dev", ["a", "b"], ["a", "b"], ["a", "a"], [0.8, 0.6])
    fig = ev.reliability_figure()
    assert "ECE" in fig.axes[0].get_title()
