"""positive [LG010]: the data-free distillation script's kdloss calls F.kl_div(log_softmax(student), softmax(teacher), size_average=False), the deprecated pre-1.0 argument (reduction='sum'), and divides by the batch size; the student is trained on it every step."""
# Source: huawei-noah/Efficient-Computing at 225ddd2 (read as is), Data-Efficient-Model-Compression/DAFL/DAFL-train.py;
# re-typed, identifiers renamed; argument parsing, the generator class, the MNIST/CIFAR branches' datasets, the
# learning-rate schedule and checkpointing cut. `opt`, `generator`, `teacher`, `net` and the loaders are module-level
# names of the script, as in the source.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

criterion = torch.nn.CrossEntropyLoss().cuda()
teacher = nn.DataParallel(teacher)
generator = nn.DataParallel(generator)


def kdloss(student_scores, teacher_scores):
    p = F.log_softmax(student_scores, dim=1)
    q = F.softmax(teacher_scores, dim=1)
    kl = F.kl_div(p, q, size_average=False) / student_scores.shape[0]  # expect: LG010
    return kl


optimizer_G = torch.optim.Adam(generator.parameters(), lr=opt.lr_G)
optimizer_S = torch.optim.SGD(net.parameters(), lr=opt.lr_S, momentum=0.9, weight_decay=5e-4)

best = 0
for epoch in range(opt.n_epochs):
    correct = 0
    avg_loss = 0.0
    for i in range(120):
        net.train()
        z = Variable(torch.randn(opt.batch_size, opt.latent_dim)).cuda()
        optimizer_G.zero_grad()
        optimizer_S.zero_grad()
        fake = generator(z)
        t_scores, t_feats = teacher(fake, out_feature=True)
        pseudo = t_scores.data.max(1)[1]
        loss_activation = -t_feats.abs().mean()
        loss_one_hot = criterion(t_scores, pseudo)
        mean_probs = F.softmax(t_scores, dim=1).mean(dim=0)
        loss_info_entropy = (mean_probs * torch.log10(mean_probs)).sum()
        loss = loss_one_hot * opt.oh + loss_info_entropy * opt.ie + loss_activation * opt.a
        loss_kd = kdloss(net(fake.detach()), t_scores.detach())
        loss += loss_kd
        loss.backward()
        optimizer_G.step()
        optimizer_S.step()
        if i == 1:
            print("[Epoch %d/%d] [loss_oh: %f] [loss_ie: %f] [loss_a: %f] [loss_kd: %f]" % (
                epoch, opt.n_epochs, loss_one_hot.item(), loss_info_entropy.item(), loss_activation.item(),
                loss_kd.item()))

    with torch.no_grad():
        for i, (images, labels) in enumerate(test_loader):
            images = images.cuda()
            labels = labels.cuda()
            net.eval()
            out = net(images)
            avg_loss += criterion(out, labels).sum()
            guess = out.data.max(1)[1]
            correct += guess.eq(labels.data.view_as(guess)).sum()
    avg_loss /= len(test_loader)
    print('Test Avg. Loss: %f, Accuracy: %f' % (avg_loss.data.item(), float(correct) / len(test_set)))
