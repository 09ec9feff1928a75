"""part of look-alike project [LG003, LG016, LG004, LG006]: inference loads the trained UNet and applies F.sigmoid to its logits to draw the probability map; no loss is computed here."""
# Source: OFRIN/PyTorch_Tutorials at e050a416 (read as is), "4. Semantic Segmentation/4.3. UNet/test.py";
# re-typed, identifiers renamed; the OpenCV colour-map display shortened. core/utils.py and utility/utils.py are
# not included.
import torch
import torch.nn.functional as F
from torchvision import transforms
from torch.utils.data import DataLoader

from utility.utils import convert_OpenCV_to_PIL, transpose
from core.data import ISBITest
from core.unet import UNet
from core.utils import get_numpy_from_tensor

if __name__ == '__main__':
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    tfm = transforms.Compose([convert_OpenCV_to_PIL, transforms.ToTensor()])
    dataset = ISBITest('C:/DB/ISBI/' + 'test-volume.tif', tfm, ['cell'])
    loader = DataLoader(dataset, batch_size=1, num_workers=1, pin_memory=False, shuffle=True, drop_last=True)
    model = UNet(1, 1, base_features=16).to(device)
    model.eval()
    model.load_state_dict(torch.load('./model/unet.pth'))
    for images in loader:
        images = images.to(device)
        logits = model(images)
        probs = F.sigmoid(logits)
        images = transpose(get_numpy_from_tensor(images), (0, 2, 3, 1))
        probs = transpose(get_numpy_from_tensor(probs), (0, 2, 3, 1))
        heat = (probs[0] * 255).astype('uint8')
