"""part of positive project [LG001, LG011]: `import model` / `import train`; main() builds the three networks as model.Extractor() etc. and passes them to train.source_only / train.dann."""
# Source: https://github.com/NaJaeMin92/pytorch-DANN main.py at the parent of a70cf59fce69957751bce1e7c1271382e2dee934;
# re-typed, names changed, reduced.
import mnist
import mnistm
import model
import torch
import train

save_name = "omg"


def main():
    source_train_loader = mnist.mnist_train_loader
    target_train_loader = mnistm.mnistm_train_loader
    if torch.cuda.is_available():
        encoder = model.Extractor().cuda()
        classifier = model.Classifier().cuda()
        discriminator = model.Discriminator().cuda()
        train.source_only(encoder, classifier, source_train_loader, target_train_loader, save_name)
        train.dann(encoder, classifier, discriminator, source_train_loader, target_train_loader, save_name)


if __name__ == "__main__":
    main()
