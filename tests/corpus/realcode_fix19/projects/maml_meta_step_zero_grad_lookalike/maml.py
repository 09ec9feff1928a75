"""part of look-alike project [LG014]: the same MAML outer loop at the fix commit: optimizer.zero_grad() at the top of each episode (and SGD instead of Adam)."""

# Source: thomas-woehrle/maml_tryout@87acfc0dd7 maml.py (the fix commit; cut, renamed)
from typing import Callable

import torch.optim as optim
from torch.autograd import grad


def std_log(episode, loss):
    print(f'{episode}: {loss}')


def inner_loop_update(anil, current_ep, model, params, buffers, task, alpha, inner_gradient_steps):
    x_support, y_support = task.sample('support', current_ep)
    x_hat = model.func_forward(x_support, params, buffers)
    train_loss = task.calc_loss(x_hat, y_support, 'support')
    if anil:
        head = {n: p for n, p in params.items() if n.startswith('head')}
        head_grads = grad(train_loss, head.values(), create_graph=True)
        head_i = {n: p - alpha * g for (n, p), g in zip(head.items(), head_grads)}
        params_i = {**params, **head_i}
    else:
        grads = grad(train_loss, params.values(), create_graph=True)
        params_i = {n: p - alpha * g for (n, p), g in zip(params.items(), grads)}
    return params_i


def maml_learn(anil, num_episodes: int, meta_batch_size: int, inner_gradient_steps: int, alpha: float, beta: float,
               sample_task: Callable, model, checkpoint_fct, episode_logger: Callable = std_log):
    optimizer = optim.SGD(model.parameters(), lr=beta)
    _, buffers = model.get_initial_state()
    for episode in range(num_episodes):
        optimizer.zero_grad()
        params, _ = model.get_initial_state()
        acc_loss = 0
        for i in range(meta_batch_size):
            task = sample_task()
            params_i = inner_loop_update(anil, episode, model, params, buffers, task, alpha, inner_gradient_steps)
            x_query, y_query = task.sample('query', episode)
            test_loss = task.calc_loss(model.func_forward(x_query, params_i, buffers), y_query, 'query')
            acc_loss += test_loss
        acc_loss.backward()
        optimizer.step()
        checkpoint_fct(params, buffers, episode, acc_loss)
        episode_logger(episode, acc_loss)
