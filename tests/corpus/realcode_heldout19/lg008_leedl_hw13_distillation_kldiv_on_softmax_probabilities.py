"""positive [LG008, LG009]: the Datawhale solution of the ML2022 network-compression homework distils a ResNet-18 teacher into a depthwise student with a KD loss that builds nn.KLDivLoss(reduction='mean', log_target=True) and feeds it softmax probabilities of the student (input must be log-probabilities) and of the teacher (probabilities although log_target=True); 'mean' also divides by the 11 classes as well as the batch."""
# Source: datawhalechina/leedl-tutorial at ee975558 (read as is), Homework/HW13_NetworkCompress/HW13-networkCompress.ipynb,
# code cells 2-5, 11-15 and 18-20; re-typed, identifiers renamed; the `!pip`/`!nvidia-smi` lines, the seeding helper,
# the original student and the torchsummary cells, the transforms and the dataset class (FoodDataset, train_tfm,
# test_tfm stay undefined) and the evaluation/submission cells cut. The KD loss's backslash continuation is written in
# parentheses so that its first line can carry the marker.
import os

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from tqdm import tqdm

# ---- cell 4
cfg = {
    'dataset_root': '../input/ml2022spring-hw13/food11-hw13',
    'save_dir': './outputs',
    'exp_name': "simple_baseline",
    'batch_size': 64,
    'lr': 5e-4,
    'seed': 20220013,
    'loss_fn_type': 'KD',
    'weight_decay': 0,
    'grad_norm_max': 10,
    'n_epochs': 20,
    'patience': 300,
}
# ---- cell 5
out_dir = os.path.join(cfg['save_dir'], cfg['exp_name'])
if not os.path.exists(out_dir):
    os.makedirs(out_dir, exist_ok=True)
log_file = open(f"{out_dir}/log.txt", 'a+')


def log(text):
    print(text)
    log_file.write(str(text) + '\n')
    log_file.flush()


# ---- cell 11
train_set = FoodDataset(os.path.join(cfg['dataset_root'], "training"), tfm=train_tfm)
train_dl = DataLoader(train_set, batch_size=cfg['batch_size'], shuffle=True, num_workers=0, pin_memory=True)
val_set = FoodDataset(os.path.join(cfg['dataset_root'], "validation"), tfm=test_tfm)
val_dl = DataLoader(val_set, batch_size=cfg['batch_size'], shuffle=False, num_workers=0, pin_memory=True)


# ---- cell 12
def dw_pw(c_in, c_out, k, stride=1, padding=0):
    return nn.Sequential(
        nn.Conv2d(c_in, c_in, k, stride=stride, padding=padding, groups=c_in),
        nn.Conv2d(c_in, c_out, 1)
    )


# ---- cell 13
class Student(nn.Module):
    def __init__(self):
        super(Student, self).__init__()
        self.cnn = nn.Sequential(
            dw_pw(3, 32, 3, stride=1, padding=0),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            dw_pw(32, 32, 3, stride=1, padding=0),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(2, 2, 0),
            dw_pw(32, 64, 3, stride=1, padding=0),
            nn.BatchNorm2d(64),
            nn.ReLU(),
            nn.MaxPool2d(2, 2, 0),
            dw_pw(64, 100, 3, stride=1, padding=0),
            nn.BatchNorm2d(100),
            nn.ReLU(),
            nn.MaxPool2d(2, 2, 0),
            nn.AdaptiveAvgPool2d((1, 1))
        )
        self.fc = nn.Sequential(
            nn.Linear(100, 11)
        )

    def forward(self, x):
        h = self.cnn(x)
        h = h.view(h.size()[0], -1)
        return self.fc(h)


def make_student():
    return Student()


# ---- cell 14
student = make_student()
# ---- cell 15
teacher = torch.hub.load('pytorch/vision:v0.10.0', 'resnet18', pretrained=False, num_classes=11)
teacher.load_state_dict(torch.load(os.path.join(cfg['dataset_root'], "resnet18_teacher.ckpt"), map_location='cpu'))


# ---- cell 18
def kd_loss(student_logits, labels, teacher_logits, alpha=0.5, temperature=1.15):
    kl = torch.nn.KLDivLoss(reduction='mean', log_target=True)  # expect: LG009
    ce = torch.nn.CrossEntropyLoss(reduction='mean')
    sm = nn.Softmax(dim=-1)
    return (alpha * temperature * temperature * kl(sm(student_logits / temperature), sm(teacher_logits / temperature))  # expect: LG008
            + (1 - alpha) * ce(student_logits, labels))


# ---- cell 19
if cfg['loss_fn_type'] == 'CE':
    loss_fn = nn.CrossEntropyLoss()
if cfg['loss_fn_type'] == 'KD':
    loss_fn = kd_loss
dev = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
n_epochs = cfg['n_epochs']
patience = cfg['patience']
# ---- cell 20
student.to(dev)
opt = torch.optim.Adam(student.parameters(), lr=cfg['lr'], weight_decay=cfg['weight_decay'])
stale = 0
best_acc = 0.0
teacher.to(dev)
teacher.eval()
for ep in range(n_epochs):
    student.train()
    tr_loss = []
    tr_hits = []
    tr_lens = []
    bar = tqdm(train_dl)
    for imgs, labels in bar:
        imgs = imgs.to(dev)
        labels = labels.to(dev)
        with torch.no_grad():
            t_logits = teacher(imgs)
        logits = student(imgs)
        loss = loss_fn(logits, labels, t_logits)
        opt.zero_grad()
        loss.backward()
        opt.step()
        hits = (logits.argmax(dim=-1) == labels).float().sum()
        n = len(imgs)
        tr_loss.append(loss.cpu().item() * n)
        tr_hits.append(hits)
        tr_lens.append(n)
        bar.set_postfix({"loss": np.mean(tr_loss[-10:])})
    tr_loss = sum(tr_loss) / sum(tr_lens)
    tr_acc = sum(tr_hits) / sum(tr_lens)
    log(f'[ Train | {ep + 1:03d} / {n_epochs:03d} ] loss = {tr_loss:.5f} acc = {tr_acc:.5f}')
    student.eval()
    va_loss = []
    va_hits = []
    va_lens = []
    bar = tqdm(val_dl)
    for imgs, labels in bar:
        imgs = imgs.to(dev)
        labels = labels.to(dev)
        with torch.no_grad():
            t_logits = teacher(imgs)
        with torch.no_grad():
            logits = student(imgs)
        loss = loss_fn(logits, labels, t_logits)
        hits = (logits.argmax(dim=-1) == labels).float().sum()
        n = len(imgs)
        va_loss.append(loss.cpu().item() * n)
        va_hits.append(hits)
        va_lens.append(n)
    va_loss = sum(va_loss) / sum(va_lens)
    va_acc = sum(va_hits) / sum(va_lens)
    log(f'[ Val | {ep + 1:03d} / {n_epochs:03d} ] loss = {va_loss:.5f} acc = {va_acc:.5f}')
    if va_acc > best_acc:
        best_acc = va_acc
        torch.save(student.state_dict(), f"{out_dir}/student_best.ckpt")
        stale = 0
    else:
        stale += 1
        if stale > patience:
            log(f'No improving {patience} consecutions. early stopping')
            break
log_file.close()
