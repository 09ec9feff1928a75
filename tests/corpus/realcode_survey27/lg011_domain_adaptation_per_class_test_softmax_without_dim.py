"""positive [LG011]: the per-class test of a domain-adaptation script calls F.softmax without dim on the classifier's (batch, classes) scores (implicit axis 1 there, deprecated)."""

# Source: thuml/Batch-Spectral-Penalization@83b557f train.py (re-typed, renamed, cut to the test)
import numpy as np
import torch
import torch.nn.functional as F

n_classes = 12
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def per_class_test(loaders, classifier, step):
    with torch.no_grad():
        correct = np.zeros(n_classes)
        seen = np.zeros(n_classes)
        for images, labels in loaders["test"]:
            images = images.to(device)
            scores = classifier(images)
            scores = F.softmax(scores)  # expect: LG011
            scores = scores.data.cpu().numpy()
            guess = scores.argmax(axis=1)
            labels = labels.numpy()
            for i in range(guess.size):
                seen[labels[i]] += 1
                if guess[i] == labels[i]:
                    correct[guess[i]] += 1
        accuracy = np.divide(correct, seen)
        print(step, accuracy.mean())
