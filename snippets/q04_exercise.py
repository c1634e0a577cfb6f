"""Question 4, exercises: a stratified split by hand, why the winner's score is optimistic, and
leakage through feature selection."""

# --8<-- [start:split_starter]
import numpy as np

rng = np.random.default_rng(0)
n = 1000
y = np.zeros(n, dtype=int)
y[rng.choice(n, size=100, replace=False)] = 1  # 100 ones (10%), spread over the rows
# --8<-- [end:split_starter]


# --8<-- [start:split_solution]
def split_rows(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle row numbers and cut them 60/20/20."""
    rows = rng.permutation(rows)
    first, second = round(0.6 * len(rows)), round(0.8 * len(rows))
    return rows[:first], rows[first:second], rows[second:]


# Stratified: split the 0s and the 1s separately, then join the matching parts, shuffled
# again (joined as they are, every 0 would come before every 1: a cut that takes the last
# rows, such as Keras' validation_split, would take the 1s and leave training without any).
by_class = [split_rows(np.flatnonzero(y == label)) for label in (0, 1)]
train_rows, val_rows, test_rows = (
    rng.permutation(np.concatenate(parts)) for parts in zip(*by_class, strict=True)
)
parts = {"training": train_rows, "validation": val_rows, "test": test_rows}

# No row in two parts, and every row in one of them.
assert not np.intersect1d(train_rows, val_rows).size
assert not np.intersect1d(train_rows, test_rows).size
assert not np.intersect1d(val_rows, test_rows).size
assert np.array_equal(np.sort(np.concatenate(list(parts.values()))), np.arange(n))
assert [len(rows) for rows in parts.values()] == [600, 200, 200]
for name, rows in parts.items():
    assert 10 * y[rows].sum() == len(rows)  # exactly 10% ones
    print(f"{name:<10} {len(rows)} rows, {y[rows].mean():.0%} ones")
# --8<-- [end:split_solution]

# --8<-- [start:winner_starter]
import numpy as np

rng = np.random.default_rng(0)
true_accuracy = 0.70  # every candidate is exactly this good on new data
n_candidates, n_val, n_test, repeats = 20, 200, 200, 1000
# --8<-- [end:winner_starter]

# --8<-- [start:winner_solution]
# Validation accuracy: the share of n_val examples each candidate gets right, in every repeat.
val_accuracy = rng.binomial(n_val, true_accuracy, size=(repeats, n_candidates)) / n_val
winner = val_accuracy.argmax(axis=1)  # the candidate chosen in each repeat
winner_val = val_accuracy[np.arange(repeats), winner]
# Every candidate, and so the winner too, measured on n_test new examples.
test_accuracy = rng.binomial(n_test, true_accuracy, size=(repeats, n_candidates)) / n_test
winner_test = test_accuracy[np.arange(repeats), winner]

print(f"winner's validation accuracy, on average: {winner_val.mean():.2f}")
print(f"the same winner's test accuracy, on average: {winner_test.mean():.2f}")
assert winner_val.mean() > winner_test.mean() + 0.03
assert abs(winner_test.mean() - true_accuracy) < 0.01
# --8<-- [end:winner_solution]

# --8<-- [start:leakage_starter]
import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

rng = np.random.default_rng(0)
x = rng.normal(size=(50, 5000))  # 50 examples, 5,000 features of pure noise
y = rng.permutation(np.repeat([0, 1], 25))  # random labels: there is nothing to learn
# --8<-- [end:leakage_starter]

# --8<-- [start:leakage_solution]
# Leaky: the 20 features are chosen with all 50 labels, those of every validation fold too.
x_best = SelectKBest(f_classif, k=20).fit_transform(x, y)
leaky = cross_val_score(LogisticRegression(), x_best, y, cv=5).mean()
# Honest: the selection is part of the model, fitted in each fold on its training part only.
selection_and_model = make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression())
honest = cross_val_score(selection_and_model, x, y, cv=5).mean()

print(f"features chosen on all the data:   accuracy {leaky:.2f}")
print(f"features chosen inside each fold:  accuracy {honest:.2f}")
assert leaky > 0.8  # far above chance, on labels that are chance
assert abs(honest - 0.5) < 0.2  # chance, give or take the noise of 50 examples
# --8<-- [end:leakage_solution]
