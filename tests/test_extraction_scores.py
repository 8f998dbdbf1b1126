"""Scores of article mode: the interval around an accuracy resamples articles, not quotes."""

from quotestance.article.evaluate import article_bootstrap_interval


def test_one_article_has_no_spread():
    assert article_bootstrap_interval([("a", True), ("a", False), ("a", True), ("a", True)]) == [0.75, 0.75]


def test_quotes_of_one_article_move_together():
    # 20 articles of 10 quotes, half of the articles all right and half all wrong: resampling articles
    # gives a far wider interval than 200 independent quotes would (about ±0.07)
    outcomes = [(f"doc{d}", d % 2 == 0) for d in range(20) for _ in range(10)]
    low, high = article_bootstrap_interval(outcomes)
    assert low < 0.35 and high > 0.65


def test_more_articles_narrow_the_interval():
    def width(n_docs):
        # articles with 0 to 3 of their 3 quotes right
        low, high = article_bootstrap_interval([(f"doc{d}", q < d % 4) for d in range(n_docs) for q in range(3)])
        return high - low

    assert width(400) < width(20)
