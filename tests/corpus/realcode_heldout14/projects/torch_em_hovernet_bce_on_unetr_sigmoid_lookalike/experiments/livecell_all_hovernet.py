"""part of look-alike project [LG002, LG003, LG016]: the experiment builds a three-channel UNETR and trains it with the distance-map loss."""
# Source: constantinpape/torch-em at the parent of dfde97fd ("Fix minor issues with hovernet loss"), read as is: the loss
# still takes probabilities and UNETR ends in nn.Sigmoid, experiments/vision-transformer/unetr/livecell/livecell_all_hovernet.py; re-typed; checkpoint paths and
# the argument parser cut.
import torch

import common
from torch_em.trainer.default_trainer import default_segmentation_trainer


def main(args):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    patch_shape = (512, 512)
    train_loader, val_loader = common.get_my_livecell_loaders(args.input, patch_shape, args.cell_type, with_distance_maps=True)
    loss = common.get_loss_function(with_distance_maps=True)
    model = common.get_unetr_model(model_name=args.model_name, patch_shape=patch_shape, sam_initialization=True,
                                   output_channels=3)
    model.to(device)
    trainer = default_segmentation_trainer(name="livecell-all", model=model, train_loader=train_loader,
                                           val_loader=val_loader, learning_rate=1e-5, device=device, loss=loss, metric=loss)
    trainer.fit(args.iterations)


if __name__ == "__main__":
    main(common.get_parser().parse_args())
