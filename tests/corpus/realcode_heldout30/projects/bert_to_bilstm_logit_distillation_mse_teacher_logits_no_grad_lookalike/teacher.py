"""part of look-alike project [LG001, LG006, LG008, LG013, LG017]: the teacher's training (forward, model.zero_grad(), F.cross_entropy on the logits, backward, step) and teacher_predict, which collects the teacher's logits per batch under no_grad into a list; the evaluation sums F.cross_entropy losses under no_grad."""
# Source: HoyTta0/KnowledgeDistillation at c84a33d5, teacher.py; re-typed, identifiers renamed; the early stopping, test report and the commented-out
# lines shortened.
import time
import torch
import torch.nn.functional as F
import numpy as np
from sklearn import metrics


def teacher_predict(model, config, loader):
    model.eval()
    model.load_state_dict(torch.load(config.teacher_save_path))
    t_logits = []
    with torch.no_grad():
        for ids, mask, labels in loader:
            ids = ids.to(config.device)
            mask = mask.to(config.device)
            t_logits.append(model(ids, mask))
    return t_logits


def teacher_train(model, config, train_loader, test_loader):
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    total_batch = 0
    best = float('inf')
    for epoch in range(config.teacher_num_epochs):
        for i, (ids, mask, labels) in enumerate(train_loader):
            ids = ids.to(config.device)
            mask = mask.to(config.device)
            labels = labels.to(config.device)
            outputs = model(ids, mask)
            model.zero_grad()
            loss = F.cross_entropy(outputs, labels)
            loss.backward()
            optimizer.step()
            if total_batch % 10 == 0:
                dev_acc, dev_loss = teacher_evaluate(model, config, test_loader)
                if dev_loss < best:
                    best = dev_loss
                    torch.save(model.state_dict(), config.teacher_save_path)
                print(total_batch, loss.item(), dev_loss, dev_acc)
                model.train()
            total_batch += 1


def teacher_evaluate(model, config, test_loader):
    model.eval()
    loss_total = 0
    predict_all = np.array([], dtype=int)
    labels_all = np.array([], dtype=int)
    with torch.no_grad():
        for ids, mask, labels in test_loader:
            ids = ids.to(config.device)
            mask = mask.to(config.device)
            labels = labels.to(config.device)
            outputs = model(ids, mask)
            loss = F.cross_entropy(outputs, labels)
            loss_total += loss
            labels_all = np.append(labels_all, labels.data.cpu().numpy())
            predict_all = np.append(predict_all, torch.max(outputs.data, 1)[1].cpu().numpy())
    return metrics.accuracy_score(labels_all, predict_all), loss_total / len(test_loader)
