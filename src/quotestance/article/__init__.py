"""Article mode: quotes → speakers → countries, before the statement classifiers."""
