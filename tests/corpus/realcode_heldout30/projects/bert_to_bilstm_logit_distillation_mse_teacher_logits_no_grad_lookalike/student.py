"""part of look-alike project [LG001, LG006, LG008, LG013, LG017]: the student's loss is CrossEntropyLoss on the student's logits against label.long() plus T times the MSE between the stored teacher logits of the same batch index and the student's logits; clear, backward, step per batch; the evaluation sums the same loss under no_grad."""
# Source: HoyTta0/KnowledgeDistillation at c84a33d5, student.py; re-typed, identifiers renamed; the sentence-vector helper and the progress message
# shortened.
import time
import torch
import torch.nn as nn
import numpy as np
from sklearn import metrics
from teacher import teacher_predict


def get_loss(t_logits, s_logits, label, a, T):
    ce = nn.CrossEntropyLoss()
    mse = nn.MSELoss()
    return a * ce(s_logits, label) + T * mse(t_logits, s_logits)


def student_train(T_model, S_model, config, train_loader, test_loader):
    t_train_logits = teacher_predict(T_model, config, train_loader)
    t_test_logits = teacher_predict(T_model, config, test_loader)
    optimizer = torch.optim.SGD(S_model.parameters(), lr=0.05)
    total_batch = 0
    best = float('inf')
    S_model.train()
    for epoch in range(config.student_num_epochs):
        for i, (texts, _, label) in enumerate(train_loader):
            texts = texts.to(config.device)
            label = label.to(config.device)
            optimizer.zero_grad()
            s_logits = S_model(texts)
            loss = get_loss(t_train_logits[i], s_logits, label.long(), 1, 2)
            loss.backward()
            optimizer.step()
            if total_batch % 50 == 0:
                dev_loss, dev_acc = student_evaluate(S_model, config, t_test_logits, test_loader)
                if dev_loss < best:
                    best = dev_loss
                    torch.save(S_model.state_dict(), config.student_save_path)
                print(total_batch, loss.item(), dev_loss, dev_acc)
                S_model.train()
            total_batch += 1
    student_evaluate(S_model, config, t_test_logits, test_loader)


def student_evaluate(S_model, config, t_logits, test_loader):
    S_model.eval()
    predict_all = []
    labels_all = []
    loss_total = 0
    with torch.no_grad():
        for i, (texts, _, label) in enumerate(test_loader):
            texts = texts.to(config.device)
            label = label.to(config.device)
            s_logits = S_model(texts)
            loss = get_loss(t_logits[i], s_logits, label.long(), 1, 2)
            loss_total += loss
            pred = torch.max(torch.squeeze(s_logits, dim=1), 1)[1].cpu().numpy()
            labels_all = np.append(labels_all, label.data.cpu().numpy())
            predict_all = np.append(predict_all, pred)
    return loss_total / len(test_loader), metrics.accuracy_score(labels_all, predict_all)
