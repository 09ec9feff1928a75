"""look-alike [LG007, LG011, LG015]: an image-captioning experiment with unlikelihood training: the decoder's scores get softmax(dim=2), real captions keep p and randomly drawn fake captions get 1 - p, the packed values go through torch.log(... + 1e-4) into nn.NLLLoss(reduction='none'), and the per-word losses are weighted and reduced with .mean() before backward."""
# Source: gallev898/image_captioning at 53c16c4a (read as is), standart_training/unlikelihood_train_1_minus_prob.py;
# re-typed, identifiers renamed; the cluster sys.path lines, wandb, checkpoint loading, the validation / beam-search
# functions, the fine-tuning switch and the learning-rate schedule in the epoch loop cut. utils, pack_utils and the
# dataset/model modules are not included (get_args, AverageMeter, clip_gradient, accuracy and data_name come from the
# star imports, as in the source).
import random
import time

import torch.nn.functional as F
import torch.optim
import torch.utils.data
import torchvision.transforms as transforms
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

from dataset_loader.datasets import *
from not_in_use.models import DecoderWithAttention, Encoder
from standart_training.pack_utils import *
from utils import data_normalization, get_word_map

args = get_args()
device = torch.device("cuda:{}".format(args.cuda) if torch.cuda.is_available() else "cpu")
emb_dim = 512
attention_dim = 512
decoder_dim = 512
dropout = 0.5
batch_size = args.batch_size
workers = 1
start_epoch = 0
epochs = 120
encoder_lr = 1e-4
decoder_lr = args.learning_rate if args.learning_rate != -1 else 4e-4
grad_clip = 5.
alpha_c = 1.
print_freq = 100

train_caps_lst = torch.load('../output_folder/train_caps_lst')


def main():
    global start_epoch, data_name, word_map
    word_map, rev_word_map = get_word_map(args.run_local, '../output_folder/WORDMAP_' + data_name + '.json')
    decoder = DecoderWithAttention(attention_dim=attention_dim, embed_dim=emb_dim, decoder_dim=decoder_dim,
                                   vocab_size=len(word_map), device=device, dropout=dropout)
    decoder_optimizer = torch.optim.Adam(params=filter(lambda p: p.requires_grad, decoder.parameters()),
                                         lr=decoder_lr)
    encoder = Encoder()
    encoder.fine_tune(True if args.fine_tune_encoder and args.fine_tune_epochs == 0 else False)
    encoder_optimizer = torch.optim.Adam(params=filter(lambda p: p.requires_grad, encoder.parameters()),
                                         lr=encoder_lr) if args.fine_tune_encoder and args.fine_tune_epochs == 0 else None
    decoder = decoder.to(device)
    encoder = encoder.to(device)

    criterion = nn.NLLLoss(reduction='none')

    train_loader = torch.utils.data.DataLoader(
        CaptionDataset('../output_folder', data_name, 'TRAIN', transform=transforms.Compose([data_normalization])),
        batch_size=batch_size, shuffle=True, num_workers=workers, pin_memory=True)

    for epoch in range(start_epoch, epochs):
        train(train_loader, encoder, decoder, criterion, encoder_optimizer, decoder_optimizer, epoch)


def train(train_loader, encoder, decoder, criterion, encoder_optimizer, decoder_optimizer, epoch):
    decoder.train()
    encoder.train()
    losses = AverageMeter()
    top5accs = AverageMeter()
    start = time.time()

    for i, (imgs, caps, caplens) in enumerate(train_loader):
        if len(caps) != args.batch_size:
            continue
        origin_caps = caps
        origin_caps_len = sum((caplens - 1).squeeze(1)).item()
        num_of_fake = args.num_of_fake
        fake_caps_and_lens_lst = random.sample(list(train_caps_lst), num_of_fake)
        fake_caps_lst = [x[0][0] for x in fake_caps_and_lens_lst]
        fake_caps_lens_lst = [x[1][0] for x in fake_caps_and_lens_lst]
        fake_caps_lens = sum((torch.stack(fake_caps_lens_lst) - 1).squeeze(1)).item()

        all_caps = torch.cat((caps, torch.stack(fake_caps_lst)))
        all_caps_lens = torch.cat((caplens, torch.stack(fake_caps_lens_lst)))
        double_imgs = torch.cat((imgs, imgs.repeat(2, 1, 1, 1)[:num_of_fake, :, :, :]))
        imgs, caps, caplens = double_imgs.to(device), all_caps.to(device), all_caps_lens.to(device)

        imgs = encoder(imgs)
        scores, caps_sorted, decode_lengths, alphas, sort_ind = decoder(imgs, caps, caplens)

        scores = F.softmax(scores, dim=2)

        temp = torch.empty_like(scores)
        temp[sort_ind] = scores
        scores = temp

        zeros_and_ones = torch.cat((torch.zeros(len(origin_caps), scores.shape[1], scores.shape[2]),
                                    torch.ones(num_of_fake, scores.shape[1], scores.shape[2])))
        one_minus_a = zeros_and_ones - scores
        minus_ones_and_ones = torch.cat((torch.mul(-1, torch.ones(len(origin_caps), scores.shape[1], scores.shape[2])),
                                         torch.ones(num_of_fake, scores.shape[1], scores.shape[2])))
        scores = torch.mul(minus_ones_and_ones, one_minus_a)

        targets = caps[:, 1:]
        decode_lengths = (caplens - 1).squeeze(1).tolist()
        scores = pack_padded_sequence(scores, decode_lengths, batch_first=True, enforce_sorted=False).data
        targets = pack_padded_sequence(targets, decode_lengths, batch_first=True, enforce_sorted=False).data

        scores = torch.log(scores + 1e-4)

        if args.alpha > 0:
            loss = criterion(scores, targets)
            assert loss.shape[0] == origin_caps_len + fake_caps_lens
            mul_tensor = torch.cat((torch.ones(origin_caps_len), torch.ones(fake_caps_lens).fill_(args.alpha))).to(device)
            loss = torch.mul(loss, mul_tensor).mean().to(device)
        else:
            loss = criterion(scores, targets).mean()

        loss += alpha_c * ((1. - alphas.sum(dim=1)) ** 2).mean()

        decoder_optimizer.zero_grad()
        if encoder_optimizer is not None:
            encoder_optimizer.zero_grad()
        loss.backward()

        if grad_clip is not None:
            clip_gradient(decoder_optimizer, grad_clip)
            if encoder_optimizer is not None:
                clip_gradient(encoder_optimizer, grad_clip)

        decoder_optimizer.step()
        if encoder_optimizer is not None:
            encoder_optimizer.step()

        top5 = accuracy(scores, targets, 5)
        losses.update(loss.item(), sum(decode_lengths))
        top5accs.update(top5, sum(decode_lengths))
        start = time.time()
        if i % print_freq == 0:
            print('Epoch: [{0}][{1}/{2}]\tLoss {loss.val:.4f} ({loss.avg:.4f})'.format(epoch, i, len(train_loader),
                                                                                     loss=losses))


if __name__ == '__main__':
    main()
