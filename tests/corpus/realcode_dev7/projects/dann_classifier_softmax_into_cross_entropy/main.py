"""positive project [LG001, LG011]: the entry point builds the extractor, classifier and discriminator and runs the source-only training."""
# Source: NaJaeMin92/pytorch-DANN@fb5ec0e535 main.py (re-typed: the dann call and the GPU helper cut; names kept)
import torch

import mnist
import mnistm
import model
import train

save_name = "omg"


def main():
    source_train_loader = mnist.mnist_train_loader
    target_train_loader = mnistm.mnistm_train_loader
    if torch.cuda.is_available():
        encoder = model.Extractor().cuda()
        classifier = model.Classifier().cuda()
        train.source_only(encoder, classifier, source_train_loader, target_train_loader, save_name)


if __name__ == "__main__":
    main()
