// @azure/functions is a CommonJS bundle: Node's ESM loader sees `app` as a named export but not the
// classes, which exist only on the default export. Every runtime import of them goes through here.
import azureFunctions from '@azure/functions';

export const { HttpRequest, HttpResponse, InvocationContext } = azureFunctions;
