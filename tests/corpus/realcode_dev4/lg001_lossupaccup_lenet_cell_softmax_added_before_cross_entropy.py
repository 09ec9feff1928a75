"""positive [LG001]: a notebook reader adds a softmax to the LeNet step's output and then hands the probabilities to F.cross_entropy, which applies log-softmax again; the two lines are all the post shows (no import, the output and target come from cells not posted)."""
# Source: thegregyang/LossUpAccUp issue #1 "Maybe I get the reason why they go opposite ways." (the two lines the reporter added to the LeNet notebook's training step, as posted; re-typed, names renamed; the notebook's imports, model and data are not in the post and are left undefined)
scores = F.softmax(scores, dim=-1)
step_loss = F.cross_entropy(scores, labels)  # expect: LG001
