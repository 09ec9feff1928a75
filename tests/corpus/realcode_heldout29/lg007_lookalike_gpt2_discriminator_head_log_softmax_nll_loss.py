"""look-alike [LG006, LG007, LG014]: a discriminator head trained on frozen GPT-2 hidden states ends its forward in F.log_softmax(x, dim=-1), so F.nll_loss receives log-probabilities; the Adam optimizer is built once per epoch (in train_epoch, outside the batch loop) and cleared every batch; the test loss sums loss.item()."""
# Source: uber-research/PPLM at e236b898, paper_code/gpt2tunediscrim.py; re-typed, identifiers renamed; the GPT-2 loading,
# Discriminator and Discriminator2 (the same head ending in F.log_softmax), the torchtext dataset preparation and the
# argument parser shortened (the inline torchtext SST tokenisation stands as one call,
# load_sst_tokens, a name this re-typing gives it). GPT2LMHeadModel's forward_embed / forward_transformer_embed are the repository's patched
# pytorch_pretrained_bert (not included); `model` is the module-level GPT-2 as in the source.
import argparse

import numpy as np
import torch
import torch.nn.functional as F
import torch.optim as optim
import torch.utils.data as data
from torch.utils.data import DataLoader

from pytorch_pretrained_bert import GPT2LMHeadModel, GPT2Tokenizer

torch.manual_seed(0)
np.random.seed(0)

tokenizer = GPT2Tokenizer.from_pretrained('gpt-2_pt_models/345M/')
model = GPT2LMHeadModel.from_pretrained('gpt-2_pt_models/345M/')


class ClassifierHead(torch.nn.Module):
    def __init__(self, class_size=5, embed_size=2048):
        super(ClassifierHead, self).__init__()
        self.class_size = class_size
        self.embed_size = embed_size
        self.mlp = torch.nn.Linear(embed_size, class_size)

    def forward(self, hidden_state):
        logits = self.mlp(hidden_state)
        return logits


class MeanPoolDiscriminator(torch.nn.Module):
    def __init__(self, class_size=5, embed_size=1024):
        super(MeanPoolDiscriminator, self).__init__()
        self.head = ClassifierHead(class_size=class_size, embed_size=embed_size)
        self.model = model
        self.embed_size = embed_size

    def train_custom(self):
        for param in self.model.parameters():
            param.requires_grad = False
        self.head.train()

    def forward(self, x):
        mask = 1 - x.eq(0).unsqueeze(1).type(torch.FloatTensor).cuda().detach()
        mask = mask.repeat(1, self.embed_size, 1)
        x = model.forward_embed(x)
        hidden, x = model.forward_transformer_embed(x)
        hidden = hidden.permute(0, 2, 1)
        hidden = hidden * mask
        hidden = hidden.permute(0, 2, 1)
        x = torch.sum(hidden, dim=1) / (torch.sum(mask, dim=-1).detach() + 1e-10)
        x = self.head(x)
        x = F.log_softmax(x, dim=-1)
        return x


class TextDataset(data.Dataset):
    def __init__(self, X, y):
        self.X = X
        self.y = y

    def __len__(self):
        return len(self.X)

    def __getitem__(self, index):
        return {'X': self.X[index], 'y': self.y[index]}


def collate_fn(batch):
    def merge(sequences):
        lengths = [len(seq) for seq in sequences]
        padded = torch.zeros(len(sequences), max(lengths)).long().cuda()
        for i, seq in enumerate(sequences):
            padded[i, :lengths[i]] = seq[:lengths[i]]
        return padded, lengths

    batch.sort(key=lambda x: len(x["X"]), reverse=True)
    info = {}
    for key in batch[0].keys():
        info[key] = [d[key] for d in batch]
    x_batch, _ = merge(info['X'])
    return x_batch, torch.tensor(info['y'], device='cuda', dtype=torch.long)


def train_epoch(data_loader, discriminator, device='cuda', args=None, epoch=1):
    optimizer = optim.Adam(discriminator.parameters(), lr=0.0001)
    discriminator.train_custom()
    for batch_idx, (inputs, target) in enumerate(data_loader):
        inputs, target = inputs.to(device), target.to(device)
        optimizer.zero_grad()
        output = discriminator(inputs)
        loss = F.nll_loss(output, target)
        loss.backward(retain_graph=True)
        optimizer.step()
        if batch_idx % args.log_interval == 0:
            print('Train Epoch: {} [{}/{}]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(inputs), len(data_loader.dataset), loss.item()))


def test_epoch(data_loader, discriminator, device='cuda', args=None):
    discriminator.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for inputs, target in data_loader:
            inputs, target = inputs.to(device), target.to(device)
            output = discriminator(inputs)
            test_loss += F.nll_loss(output, target, reduction='sum').item()
            pred = output.argmax(dim=1, keepdim=True)
            correct += pred.eq(target.view_as(pred)).sum().item()
    test_loss /= len(data_loader.dataset)
    print('Test set: Average loss: {:.4f}, Accuracy: {}/{}'.format(test_loss, correct, len(data_loader.dataset)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch-size', type=int, default=64)
    parser.add_argument('--epochs', type=int, default=10)
    parser.add_argument('--log-interval', type=int, default=10)
    args = parser.parse_args()
    device = 'cuda'
    x, y = load_sst_tokens(tokenizer)
    full_dataset = TextDataset(x, y)
    train_size = int(0.9 * len(full_dataset))
    test_size = len(full_dataset) - train_size
    train_dataset, test_dataset = torch.utils.data.random_split(full_dataset, [train_size, test_size])
    discriminator = MeanPoolDiscriminator(class_size=5).to(device)
    train_loader = DataLoader(dataset=train_dataset, batch_size=args.batch_size, shuffle=True, collate_fn=collate_fn)
    test_loader = DataLoader(dataset=test_dataset, batch_size=args.batch_size, collate_fn=collate_fn)
    for epoch in range(args.epochs):
        train_epoch(discriminator=discriminator, data_loader=train_loader, args=args, device=device, epoch=epoch)
        test_epoch(data_loader=test_loader, discriminator=discriminator, args=args)


if __name__ == '__main__':
    main()
