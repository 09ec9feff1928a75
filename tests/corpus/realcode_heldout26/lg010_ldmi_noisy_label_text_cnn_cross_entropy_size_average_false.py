"""positive [LG010]: the noisy-label text-classification script builds its cross-entropy criterion with the deprecated nn.CrossEntropyLoss(size_average=False) and uses it to pre-train the CNN and inside the forward-correction loss; the DMI and GCE losses are written by hand."""
# Source: Newbeeer/L_DMI at 7d5e4bcd (read as is), MR/main.py; re-typed, identifiers renamed; the argument parser, the
# dataset and dictionary building, the LCCN branch and the result printing shortened (args, train_loader, val_loader,
# batch_size stay defined by the cut part as in the source's module level).
import torch
import torch.nn.functional as F
from torch import nn
from tqdm import tqdm

ce_criterion = nn.CrossEntropyLoss(size_average=False)  # expect: LG010
num_classes = 2


def dmi_loss(output, target):
    probs = F.softmax(output, dim=1)
    tgt = target.reshape(target.size(0), 1).cpu()
    onehot = torch.FloatTensor(target.size(0), num_classes).zero_()
    onehot.scatter_(1, tgt, 1)
    onehot = onehot.transpose(0, 1).cuda()
    joint = torch.matmul(onehot, probs)
    return -1.0 * torch.log(torch.abs(torch.det(joint.float())) + 0.001)


q = 0.7


def gce_loss(outputs, target):
    loss = 0
    outputs = F.softmax(outputs, dim=1)
    for i in range(outputs.size(0)):
        loss += (1.0 - (outputs[i][target[i]]) ** q) / q
    loss = loss / batch_size
    return loss


def train(loader, model, optimizer, criterion, trans_mat=None):
    model.train()
    for i, (idx, inputs, target) in enumerate(tqdm(loader)):
        if idx.size(0) != batch_size:
            continue
        inputs = torch.autograd.Variable(inputs.cuda())
        target = torch.autograd.Variable(target.cuda())
        output = model(inputs)
        if trans_mat is None:
            loss = criterion(output, target)
        else:
            loss = criterion(output, target, trans_mat)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def validate(loader, model, criterion, trans_mat=None):
    model.eval()
    loss_sum = 0
    with torch.no_grad():
        for i, (idx, inputs, target) in enumerate(tqdm(loader)):
            if i == 1:
                break
            inputs = torch.autograd.Variable(inputs.cuda())
            target = torch.autograd.Variable(target.cuda())
            output = model(inputs)
            if trans_mat is None:
                loss = criterion(output, target)
            else:
                loss = criterion(output, target, trans_mat)
            loss_sum += loss
    print('valid_loss=', loss_sum.item())
    return loss_sum


def accuracy(model, loader):
    model.eval()
    correct = 0
    total = 0
    with torch.no_grad():
        for i, (idx, inputs, target) in enumerate(tqdm(loader)):
            inputs = torch.autograd.Variable(inputs.cuda())
            target = torch.autograd.Variable(target.cuda())
            total += target.size(0)
            _, predicted = model(inputs).max(1)
            correct += predicted.eq(target).sum().item()
    return 100. * correct / total


def main_ce():
    model = args.model(n_classes=preprocessor.n_classes, dictionary=dictionary, args=args).cuda()
    best_acc = 0
    params = [p for p in model.parameters() if p.requires_grad]
    for epoch in range(args.epochs):
        optimizer = torch.optim.Adam(params, lr=0.001)
        train(train_loader, model, optimizer, ce_criterion)
        valid_acc = accuracy(model, val_loader)
        if valid_acc >= best_acc:
            best_acc = valid_acc
            torch.save(model, './model_ce_' + str(args.r) + '_' + str(args.seed))


def main_dmi():
    model = torch.load('./model_ce_' + str(args.r) + '_' + str(args.seed))
    best_valid_loss = validate(val_loader, model, dmi_loss)
    params = [p for p in model.parameters() if p.requires_grad]
    for epoch in range(args.epochs):
        optimizer = torch.optim.Adam(params, lr=0.0001)
        train(train_loader, model, optimizer, dmi_loss)
        valid_loss = validate(val_loader, model, dmi_loss)
        if valid_loss < best_valid_loss:
            best_valid_loss = valid_loss
            torch.save(model, './model_dmi_' + str(args.r) + '_' + str(args.seed))


def estimate_transition(model_ce):
    all_probs = torch.tensor([]).float().cuda()
    with torch.no_grad():
        for batch_idx, (idx, data, label) in enumerate(tqdm(train_loader)):
            data = torch.autograd.Variable(data.cuda())
            out = model_ce(data)
            out = torch.tensor(out).float().cuda()
            out = F.softmax(out, dim=1)
            all_probs = torch.cat([all_probs, out], dim=0)
    anchors = all_probs.argmax(dim=0)
    trans = torch.tensor([]).float()
    for i in range(num_classes):
        trans = torch.cat([trans, all_probs[anchors[i]].cpu()], dim=0)
    return trans.reshape(num_classes, num_classes)


def forward_corrected_loss(output, target, trans_mat):
    probs = F.softmax(output, dim=1)
    probs = probs @ trans_mat.cuda()
    log_probs = torch.log(probs)
    return ce_criterion(log_probs, target)


def main_fw():
    model = torch.load('./model_ce_' + str(args.r) + '_' + str(args.seed))
    trans_mat = estimate_transition(model)
    best_valid_loss = validate(val_loader, model, forward_corrected_loss, trans_mat=trans_mat)
    params = [p for p in model.parameters() if p.requires_grad]
    for epoch in range(args.epochs):
        optimizer = torch.optim.Adam(params, lr=0.0001)
        train(train_loader, model, optimizer, forward_corrected_loss, trans_mat=trans_mat)
        valid_loss = validate(val_loader, model, forward_corrected_loss, trans_mat=trans_mat)
        if valid_loss < best_valid_loss:
            best_valid_loss = valid_loss
            torch.save(model, './model_fw_' + str(args.r) + '_' + str(args.seed))


main_ce()
main_dmi()
main_fw()
