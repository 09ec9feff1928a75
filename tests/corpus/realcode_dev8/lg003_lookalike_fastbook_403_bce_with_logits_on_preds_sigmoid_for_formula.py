"""look-alike [LG003, LG016]: an issue on the book's hand-written binary cross-entropy takes preds.sigmoid() for the formula but gives BCEWithLogitsLoss the raw preds."""
# Source: https://github.com/fastai/fastbook/issues/403 "Issue with formaula of BCE loss in 06_multicat.ipynb" (the description's two code blocks, as posted)
def binary_cross_entropy(inputs, targets):
    inputs = inputs.sigmoid()
    return -torch.where(targets==1, 1-inputs, inputs).log().mean()

# Example
train_y = torch.tensor([[1],[1],[1],[1],[0],[0]],dtype=torch.float32)

preds = torch.tensor([[0.5],
        [0.4],
        [0.7],
        [1.5],
        [2.4],
        [-2.7]],dtype=torch.float32)

criterion = torch.nn.BCEWithLogitsLoss()
inputs = preds.sigmoid()
print(inputs)
ans1 = -torch.where(train_y == 1, 1-inputs, inputs).log().mean()
ans2 = criterion(preds, train_y)
ans3  = -torch.where(train_y == 1, 1, 1-inputs).log().mean()

print(ans1) # gives 1.2573 as ans
print(ans2) # gives 0.6906 as ans
print(ans3) # gives 0.6906 as ans
