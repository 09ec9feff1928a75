"""look-alike [LG010]: the replacement line an issue proposes for size_average=False: MSELoss(reduction='sum'), posted indented."""

# Source: https://github.com/shobrook/sequitur/issues/4 ("use of deprecated size_average=False in train_model"): the
# reporter pastes the UserWarning and proposes replacing line 28 of quick_train.py with this line (posted indented by
# three spaces, kept; `MSELoss` imported nowhere in the post).
   criterion = MSELoss(reduction='sum')
