"""look-alike [LG014]: the same library's second example, read at the commit before the first example's fix, already clears the analog optimizer's gradients at the top of each step."""
# Source: https://github.com/IBM/aihwkit/issues/446 (examples/02_multiple_layer.py at b9e158962685ccb4b23eaaeae3c3d668f0aa73a2; licence header cut, code as in the file)
"""aihwkit example 2: network with multiple layers.

Network that consists of multiple analog layers. It aims to learn to sum all
the elements from one array.
"""

from torch import Tensor
from torch.nn.functional import mse_loss
from torch.nn import Sequential

from aihwkit.nn import AnalogLinear
from aihwkit.optim import AnalogSGD
from aihwkit.simulator.configs import SingleRPUConfig
from aihwkit.simulator.configs.devices import ConstantStepDevice

x_b = Tensor([[0.1, 0.2, 0.0, 0.0], [0.2, 0.4, 0.0, 0.0]])
y_b = Tensor([[0.3], [0.6]])

model = Sequential(
    AnalogLinear(4, 2, rpu_config=SingleRPUConfig(device=ConstantStepDevice())),
    AnalogLinear(2, 2, rpu_config=SingleRPUConfig(device=ConstantStepDevice())),
    AnalogLinear(2, 1, rpu_config=SingleRPUConfig(device=ConstantStepDevice()))
)

opt = AnalogSGD(model.parameters(), lr=0.5)
opt.regroup_param_groups(model)

for epoch in range(100):

    opt.zero_grad()

    # Add the training Tensor to the model (input).
    pred = model(x_b)
    # Add the expected output Tensor.
    loss = mse_loss(pred, y_b)
    # Run training (backward propagation).
    loss.backward()

    opt.step()

    print('Loss error: {:.16f}'.format(loss))
