"""part of look-alike project [LG006, LG012]: main builds the CRNN through the crnn module (imported as a module alias), a torch.nn.CTCLoss() criterion, and calls function.train every epoch."""
# Source: Sierkinhane/CRNN_Chinese_Characters_Rec@a565687c4076b729d4059593b7570dd388055af4 train.py (the stable branch, read as is; re-typed, identifiers renamed, the argument parsing, fine-tune/resume loading, validation and checkpoint saving left out)
import torch
from torch.utils.data import DataLoader

import lib.models.crnn as crnn
import lib.utils.utils as utils
from lib.core import function
from lib.dataset import get_dataset


def main(config):
    model = crnn.get_crnn(config)
    if torch.cuda.is_available():
        device = torch.device("cuda:{}".format(config.GPUID))
    else:
        device = torch.device("cpu:0")
    model = model.to(device)

    criterion = torch.nn.CTCLoss()

    last_epoch = config.TRAIN.BEGIN_EPOCH
    optimizer = utils.get_optimizer(config, model)
    lr_scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, config.TRAIN.LR_STEP, config.TRAIN.LR_FACTOR, last_epoch - 1)

    train_dataset = get_dataset(config)(config, is_train=True)
    train_loader = DataLoader(dataset=train_dataset, batch_size=config.TRAIN.BATCH_SIZE_PER_GPU,
                              shuffle=config.TRAIN.SHUFFLE, num_workers=config.WORKERS, pin_memory=config.PIN_MEMORY)
    converter = utils.strLabelConverter(config.DATASET.ALPHABETS)
    for epoch in range(last_epoch, config.TRAIN.END_EPOCH):
        function.train(config, train_loader, train_dataset, converter, model, criterion, optimizer, device, epoch)
        lr_scheduler.step()
