"""part of look-alike project [LG001, LG013, LG014, LG018]: the experiment sets nn.CrossEntropyLoss as the solver's criterion and Adam optimizers for the solver, the generator and the critic through the setters, then trains the scholar task by task with replay from the previous scholar."""
# Source: kuc2477/pytorch-deep-generative-replay at b2d82e45, train.py (read as is); re-typed, identifiers renamed; evaluation, callbacks,
# checkpoints and the replay modes other than generative replay shortened.
import copy

from torch import nn, optim


def train(scholar, train_batches_per_task, importance_of_new_task=.5, generator_lambda=10., lr=1e-04,
          weight_decay=1e-05, beta1=0.5, beta2=0.9, critic_updates=5):
    solver_criterion = nn.CrossEntropyLoss()
    solver_optimizer = optim.Adam(scholar.solver.parameters(), lr=lr, weight_decay=weight_decay,
                                  betas=(beta1, beta2))
    g_optimizer = optim.Adam(scholar.generator.generator.parameters(), lr=lr, weight_decay=weight_decay,
                             betas=(beta1, beta2))
    c_optimizer = optim.Adam(scholar.generator.critic.parameters(), lr=lr, weight_decay=weight_decay,
                             betas=(beta1, beta2))
    scholar.solver.set_criterion(solver_criterion)
    scholar.solver.set_optimizer(solver_optimizer)
    scholar.generator.set_lambda(generator_lambda)
    scholar.generator.set_generator_optimizer(g_optimizer)
    scholar.generator.set_critic_optimizer(c_optimizer)
    previous = None
    for task, batches in enumerate(train_batches_per_task, 1):
        scholar.train_with_replay(batches, scholar=previous, importance_of_new_task=importance_of_new_task)
        previous = copy.deepcopy(scholar)
