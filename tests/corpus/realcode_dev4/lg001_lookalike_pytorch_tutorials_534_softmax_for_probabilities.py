"""look-alike [LG001, LG011]: a suggestion for the CIFAR-10 tutorial shows how to turn the network's outputs into probabilities for prediction, with softmax over dim 1; no loss sees them."""
# Source: pytorch/tutorials issue #534 "CIFAR blitz tutorial: some small improvements" (the three-line snippet as posted; re-typed, names renamed; net, images and the imports come from the tutorial)
scores = net(images)
probs = F.softmax(scores, dim=1)
print(torch.sum(probs, 1))
