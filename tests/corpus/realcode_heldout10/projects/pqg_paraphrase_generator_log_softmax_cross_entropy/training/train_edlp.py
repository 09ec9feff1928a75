"""part of positive project [LG001]: the training script builds nn.CrossEntropyLoss(ignore_index=PAD) in main() and applies it to the generator's log-probabilities (permuted to batch x vocab x time) in the training loop and in the validation loop."""
# Source: dev-chauhan/PQG-pytorch@0090547517daf520b6c85b06dac1992d928979c0 training/train_edlp.py (read as is; issue #7 of the repository; re-typed, the sample dumping and score logging shortened)
import os
import time

import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data as Data
from tensorboardX import SummaryWriter
from tqdm import tqdm

from misc import net_utils, utils
from misc.dataloader import Dataloader
from misc.train_util import evaluate_scores, save_model
from models.enc_dec_dis import ParaphraseGenerator


def main():
    parser = utils.make_parser()
    args = parser.parse_args()

    data = Dataloader(args.input_json, args.input_ques_h5)

    op = {
        "vocab_sz": data.getVocabSize(),
        "max_seq_len": data.getSeqLength(),
        "emb_hid_dim": args.emb_hid_dim,
        "emb_dim": args.emb_dim,
        "enc_dim": args.enc_dim,
        "enc_dropout": args.enc_dropout,
        "enc_rnn_dim": args.enc_rnn_dim,
        "gen_rnn_dim": args.gen_rnn_dim,
        "gen_dropout": args.gen_dropout,
        "lr": args.learning_rate,
        "epochs": args.n_epoch
    }

    pgen = ParaphraseGenerator(op)
    logger = SummaryWriter(os.path.join(LOG_DIR, TIME + args.name))

    train_loader = Data.DataLoader(Data.Subset(data, range(args.train_dataset_len)), batch_size=args.batch_size, shuffle=True)
    test_loader = Data.DataLoader(
        Data.Subset(data, range(args.train_dataset_len, args.train_dataset_len + args.val_dataset_len)),
        batch_size=args.batch_size, shuffle=True)

    pgen_optim = optim.RMSprop(pgen.parameters(), lr=op["lr"])
    pgen.train()

    pgen = pgen.to(DEVICE)
    cross_entropy_loss = nn.CrossEntropyLoss(ignore_index=data.PAD_token)

    for epoch in range(op["epochs"]):
        epoch_l1 = 0
        epoch_l2 = 0
        itr = 0
        pgen.train()

        for phrase, phrase_len, para_phrase, para_phrase_len, _ in tqdm(train_loader, ascii=True, desc="epoch" + str(epoch)):
            phrase = phrase.to(DEVICE)
            para_phrase = para_phrase.to(DEVICE)

            out, enc_out, enc_sim_phrase = pgen(phrase.t(), sim_phrase=para_phrase.t(), train=True)

            loss_1 = cross_entropy_loss(out.permute(1, 2, 0), para_phrase)  # expect: LG001
            loss_2 = net_utils.JointEmbeddingLoss(enc_out, enc_sim_phrase)

            pgen_optim.zero_grad()
            (loss_1 + loss_2).backward()
            pgen_optim.step()

            epoch_l1 += loss_1.item()
            epoch_l2 += loss_2.item()
            itr += 1
            torch.cuda.empty_cache()

        logger.add_scalar("l2_train", epoch_l2 / itr, epoch)
        logger.add_scalar("l1_train", epoch_l1 / itr, epoch)

        epoch_l1 = 0
        epoch_l2 = 0
        itr = 0
        pgen.eval()

        with torch.no_grad():
            for phrase, phrase_len, para_phrase, para_phrase_len, _ in tqdm(test_loader, ascii=True, desc="val" + str(epoch)):
                phrase = phrase.to(DEVICE)
                para_phrase = para_phrase.to(DEVICE)

                out, enc_out, enc_sim_phrase = pgen(phrase.t(), sim_phrase=para_phrase.t())

                loss_1 = cross_entropy_loss(out.permute(1, 2, 0), para_phrase)  # expect: LG001
                loss_2 = net_utils.JointEmbeddingLoss(enc_out, enc_sim_phrase)

                epoch_l1 += loss_1.item()
                epoch_l2 += loss_2.item()
                itr += 1
                torch.cuda.empty_cache()

            logger.add_scalar("l2_val", epoch_l2 / itr, epoch)
            logger.add_scalar("l1_val", epoch_l1 / itr, epoch)
        save_model(pgen, pgen_optim, epoch, os.path.join(SAVE_DIR, TIME, str(epoch)))

    logger.close()


if __name__ == "__main__":
    LOG_DIR = 'logs'
    SAVE_DIR = 'save'
    GEN_DIR = 'samples'
    TIME = time.strftime("%Y%m%d_%H%M%S")
    DEVICE = torch.device('cuda') if torch.cuda.is_available() else torch.device('cpu')
    main()
