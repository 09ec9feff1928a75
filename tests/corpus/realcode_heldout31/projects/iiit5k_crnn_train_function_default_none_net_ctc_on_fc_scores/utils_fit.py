"""part of positive project [LG012]: train() builds the CRNN when handed none and scores its raw outputs with torch.nn.CTCLoss."""
# Source: Dreaming-future/CRNN-pytorch at b32b98e3ea48961cb1b959a576982eeaf8b54f78 utils_fit.py (docstrings shortened; test() cut to its loop, its use of an undefined `criterion` kept out since it computes no loss)
import torch
import torch.optim as optim
from dataloader import load_data
from utils import LabelTransformer, get_lr
from crnn import WordReader
from tqdm import tqdm


def train(root, start_epoch, epoch_num, letters,
          net=None, lr=0.1, fix_width=True):
    trainloader = load_data(root, training=True, fix_width=fix_width)
    if not net:
        net = WordReader(1, len(letters) + 1)
    criterion = torch.nn.CTCLoss()
    optimizer = optim.Adadelta(net.parameters(), lr=lr, weight_decay=1e-3)
    device = 'cuda' if torch.cuda.is_available() else 'cpu'

    net = net.to(device)
    criterion = criterion.to(device)

    labeltransformer = LabelTransformer(letters)

    epoch_step = len(trainloader)
    net.train()
    for epoch in range(start_epoch, start_epoch + epoch_num):
        pbar = tqdm(total=epoch_step, desc=f'Epoch {epoch+1}|{epoch_num}', postfix=dict, mininterval=0.3)
        loss_sum = 0
        for iteration, (img, label) in enumerate(trainloader):
            label, label_length = labeltransformer.encode(label)
            img = img.to(device)

            optimizer.zero_grad()
            outputs = net(img)
            output_length = torch.IntTensor([outputs.size(0)] * outputs.size(1))

            loss = criterion(outputs, label, output_length, label_length)  # expect: LG012

            loss.backward()
            optimizer.step()
            loss_sum += loss.item()
            pbar.set_postfix(**{'loss': loss_sum / (iteration + 1), 'lr': get_lr(optimizer)})
            pbar.update(1)
        pbar.close()
    return net


def test(root, net, letters, fix_width=True):
    testloader = load_data(root, training=False, fix_width=fix_width)
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    net = net.to(device)
    labeltransformer = LabelTransformer(letters)
    net.eval()
    correct = 0
    total = 0
    for img, origin_label in testloader:
        img = img.to(device)
        outputs = net(img)
        outputs = outputs.max(2)[1].transpose(0, 1)
        outputs = labeltransformer.decode(outputs.data)
        correct += sum([out == real for out, real in zip(outputs, origin_label)])
        total += len(origin_label)
    print('testing accuracy: ', correct / total * 100, '%')
