"""part of positive project [LG010]: the entry point builds the basic capsule network, the capsule loss with reconstruction and entropy terms from the config, Adam, and runs the ignite capsule trainer."""
# Source: mavanb/capsnet_pytorch at 35c81365, the parent of 53694b38, train_capsnet.py; re-typed, identifiers
# renamed; seeding and logging shortened (get_conf, capsule_arguments, get_dataset, BasicCapsNet as in the source's
# modules).
import torch
from torchvision import transforms

from configurations.conf import get_conf, capsule_arguments
from data.data_loader import get_dataset
from ignite_features.trainer import CapsuleTrainer
from nets import BasicCapsNet
from loss import CapsuleMarginLoss


def main():
    custom_args = capsule_arguments("capsnet")
    conf, parser = get_conf(custom_args)
    transform = transforms.ToTensor()
    data_train, data_test, data_shape, label_shape = get_dataset(conf.dataset, transform=transform)
    assert conf.architecture.final.caps == label_shape, "Number of final capsule should match the number of labels."

    model = BasicCapsNet(in_channels=data_shape[0], routing_iters=conf.routing_iters, in_height=data_shape[1],
                         in_width=data_shape[2], stdev_W=conf.stdev_W, bias_routing=conf.bias_routing,
                         arch=conf.architecture, recon=conf.use_recon, sparse=conf.sparse,
                         compute_activation=conf.compute_activation)
    criterion = CapsuleMarginLoss(conf.m_plus, conf.m_min, conf.alpha, conf.beta, include_recon=conf.use_recon,
                                  include_entropy=conf.use_entropy, caps_sizes=model.caps_sizes)
    optimizer = torch.optim.Adam(model.parameters(), lr=conf.learning_rate)
    trainer = CapsuleTrainer(model, criterion, optimizer, data_train, data_test, conf)
    trainer.run()


if __name__ == "__main__":
    main()
