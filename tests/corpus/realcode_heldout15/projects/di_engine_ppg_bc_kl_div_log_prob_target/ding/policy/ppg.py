"""part of positive project [LG008]: the auxiliary phase of the PPG policy adds the behavioral-cloning KL term to the value-distillation loss and back-propagates it every minibatch."""
# Source: opendilab/DI-engine at d0b21d06, ding/policy/ppg.py (PPGPolicy._aux_train); re-typed, identifiers renamed; the
# policy and value phases, config table and collection methods cut.
import torch

from ding.rl_utils import ppg_data, ppg_joint_error
from ding.rl_utils import ppo_value_data, ppo_value_error
from ding.utils.data import create_shuffled_dataloader


class PPGPolicy:
    def _aux_train(self):
        memories = self._aux_memories
        data = {}
        states, actions, returns, old_values, weights = [], [], [], [], []
        for m in memories:
            states.append(m['obs'])
            actions.append(m['action'])
            returns.append(m['return_'])
            old_values.append(m['value'])
            w = torch.ones_like(m['action']) if m['weight'] is None else torch.tensor(m['weight'])
            weights.append(w)
        data['obs'] = torch.cat(states)
        data['action'] = torch.cat(actions)
        data['return_'] = torch.cat(returns)
        data['value'] = torch.cat(old_values)
        data['weight'] = torch.cat(weights).float()
        with torch.no_grad():
            data['logit_old'] = self._model.forward(data['obs'], mode='compute_actor')['logit']

        dl = create_shuffled_dataloader(data, self._cfg.learn.batch_size)
        i = 0
        aux_sum = 0
        bc_sum = 0
        v_sum = 0
        for epoch in range(self._aux_train_epoch):
            for batch in dl:
                out = self._model.forward(batch['obs'], mode='compute_actor_critic')
                d = ppg_data(out['logit'], batch['logit_old'], batch['action'], out['value'], batch['value'],
                             batch['return_'], batch['weight'])
                joint = ppg_joint_error(d, self._clip_ratio)
                total = joint.auxiliary_loss + self._aux_bc_weight * joint.behavioral_cloning_loss

                self._optimizer_ac.zero_grad()
                total.backward()
                self._optimizer_ac.step()

                values = self._model.forward(batch['obs'], mode='compute_critic')['value']
                v_loss = ppo_value_error(ppo_value_data(values, batch['value'], batch['return_'], batch['weight']),
                                         self._clip_ratio)
                self._optimizer_aux_critic.zero_grad()
                v_loss.backward()
                self._optimizer_aux_critic.step()

                aux_sum += joint.auxiliary_loss.item()
                bc_sum += joint.behavioral_cloning_loss.item()
                v_sum += v_loss.item()
                i += 1
        self._aux_memories = []
        return aux_sum / i, bc_sum / i, v_sum / i
