-- CreateIndex
CREATE INDEX "Property_status_cityKey_type_price_idx" ON "Property"("status", "cityKey", "type", "price");
