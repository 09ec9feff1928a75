"""part of positive project [LG001, LG009, LG011]: the experiment script: a pretrained LeNet teacher whose last LogSoftmax is replaced by the temperature softmax, a plain student trained with fit(..., hard_loss_func=F.cross_entropy), then students distilled with hard_loss_func=F.cross_entropy and soft_loss_func=F.kl_div for every temperature and weight."""
# Source: Isuxiz/knowledge-distill-experiment at 9686c334 (the parent of 5e057af6, "fix: 修复了kl散度计算错误"), distill.py; re-typed, identifiers renamed; the accuracy and parameter-count prints shortened.
import os
import torch
import torch.nn.functional as F

from torch import optim
from model.pretrained_LeNet import get_pretrained_LeNet_MNIST_classifier
from layer.softmax_with_temperature import TemperatureSoftmax
from model.simple_2_layers_linear import get_student
from utils.fit_model import fit
from utils.get_MNIST_dataset import get_MNIST_dataset
from utils.get_accuracy import get_accuracy

T = 1
bs = 64

teacher = get_pretrained_LeNet_MNIST_classifier()
teacher.fc.sig7 = TemperatureSoftmax(T=T)
print('teacher accuracy:', get_accuracy(teacher, False))

train_set = get_MNIST_dataset(is_train=True)
val_set = get_MNIST_dataset()
train_loader = torch.utils.data.DataLoader(train_set, batch_size=bs, shuffle=True)
valid_loader = torch.utils.data.DataLoader(val_set, batch_size=bs * 2, shuffle=True)

path = './model/original_small'
if os.path.exists(path):
    plain_student = torch.load(path)
else:
    plain_student = get_student(T=1)
    fit(epochs=10, model=plain_student, hard_loss_func=F.cross_entropy, opt=optim.Adam(plain_student.parameters()),
        train_dl=train_loader, valid_dl=valid_loader, T=1)
    torch.save(plain_student, path)
print('plain student accuracy:', get_accuracy(plain_student))

distilled = dict()


def distill(T, alpha, beta, T_square_make_up):
    teacher.fc.sig7 = TemperatureSoftmax(T=T)
    name = f'T-{T}_alpha-{alpha}_beta-{beta}_MakeUp-{"T" if T_square_make_up else "F"}'
    path = f'./model/{name}_distilled'
    if os.path.exists(path):
        model = torch.load(path)
    else:
        model = get_student(T=T)
        fit(epochs=10, model=model, hard_loss_func=F.cross_entropy, opt=optim.Adam(model.parameters()),
            train_dl=train_loader, valid_dl=valid_loader, T=T, teacher_model=teacher, soft_loss_func=F.kl_div)
        torch.save(model, path)
    print(f'{name} distilled accuracy:', get_accuracy(model))
    distilled[name] = model


for T in [2, 4, 6, 10]:
    for alpha in [0.1, 0.3, 0.5]:
        beta = 1 - alpha
        for make_up in [True, False]:
            distill(T, alpha, beta, make_up)
