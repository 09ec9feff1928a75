"""look-alike [LG003, LG005, LG014, LG016]: a 2026 course script predicting pass/fail from two exam features: the nn.Sequential uses nn.Sigmoid() as the hidden activation and ends in a Linear, so BCEWithLogitsLoss gets logits; the target is reshaped to (N, 1) like the output; every step clears first; the sigmoid on the outputs is only for the accuracy, under no_grad."""
# Source: anupambayen2/Pytorch_Learning at 7fd88027, Master_Pytorch/Jennis_Seemann_Course/Day-6/003_Network_sequential.py;
# re-typed, identifiers renamed; kept as in the source.
import pandas as pd
import numpy as np
import torch
from torch import nn
import sys

df = pd.read_csv('./data/student_exam_data.csv', low_memory=False)
df.rename(columns={'Study Hours': 'study_hours',
                   'Previous Exam Score': 'previous_exam_score',
                   'Pass/Fail': 'pass_fail'}, inplace=True)

X = torch.tensor(df[['study_hours', 'previous_exam_score']].values, dtype=torch.float32)
y = torch.tensor(df['pass_fail'], dtype=torch.float32).reshape(-1, 1)

net = nn.Sequential(
    nn.Linear(2, 10),
    nn.Sigmoid(),
    nn.Linear(10, 1)
)

loss_fn = torch.nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.005)

for i in range(0, 500000):
    optimizer.zero_grad()
    outputs = net(X)
    loss = loss_fn(outputs, y)
    loss.backward()
    optimizer.step()
    if i % 10000 == 0:
        print(loss)

net.eval()
with torch.no_grad():
    outputs = net(X)
    y_pred = nn.functional.sigmoid(outputs) > 0.5
    correct = y_pred.type(torch.float32) == y
    print(correct.type(torch.float32).mean())
