"""part of look-alike project [LG001, LG006, LG013, LG014]: the entry point imports the model class chosen by args.model inside its branch and hands it to train()."""
# Source: PangYunsheng8/Text-Classification-Pytorch at 8973c10c1c7904f4c2e7fa0ba828c0e23d5719cd run.py (the DPCNN/Transformer branches shortened; the lazy imports per branch kept)
import torch
import numpy as np
from config import Options
from dataloaders import make_data_loader
from train import train, init_network, evaluate, inference
from utils import generate_results
from config import DEVICE


def main():
    args = Options().parse()

    np.random.seed(1)
    torch.manual_seed(1)
    torch.cuda.manual_seed_all(1)
    torch.backends.cudnn.deterministic = True

    vocab, train_loader, val_loader, test_loader, num_class = make_data_loader(args)
    vocab_size = len(vocab)

    if args.model == "TextCNN":
        from models.TextCNN import TextCNN, Config
        config = Config()
        model = TextCNN(config, args.max_len, vocab_size, num_class)
    elif args.model == "FastText":
        from models.FastText import FastText, Config
        config = Config()
        model = FastText(config, vocab_size, num_class)
    model.to(DEVICE)

    if args.mode == "train":
        init_network(model)
        train(args, model, train_loader, val_loader)
    elif args.mode == "inference":
        model.load_state_dict(torch.load(args.save_path + '/' + args.model + '.ckpt'))
        y_preds = inference(args, model, test_loader)
        generate_results(y_preds)


if __name__ == '__main__':
    main()
